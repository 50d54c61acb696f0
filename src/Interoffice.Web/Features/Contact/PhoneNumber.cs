using System.Text;

namespace Interoffice.Web.Features.Contact;

/// <summary>
/// Phone numbers as visitors write them (06-12345678, 0597 423712, +31 (0)6 1234 5678, 0032 470 12 34 56)
/// stored in one form: + country code and number, digits only.
/// </summary>
public static class PhoneNumber
{
    /// <summary>The normalized number, or null when the text is not a phone number.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32)
        {
            return null;
        }

        var digits = new StringBuilder();
        var plus = false;
        foreach (var c in text.Trim())
        {
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (c == '+' && digits.Length == 0 && !plus)
            {
                plus = true;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '/'))
            {
                return null;
            }
        }

        var number = digits.ToString();
        if (plus || number.StartsWith("00", StringComparison.Ordinal))
        {
            number = plus ? number : number[2..];

            // +31 (0)6 … or 0031 (0)6 …: the trunk zero written after the country code is dropped.
            if (number.StartsWith("310", StringComparison.Ordinal))
            {
                number = "31" + number[3..];
            }
        }
        else if (number.StartsWith('0') && number.Length == 10)
        {
            number = "31" + number[1..];
        }
        else
        {
            return null;
        }

        if (number.StartsWith("31", StringComparison.Ordinal) && number.Length != 11)
        {
            return null;
        }

        return number.Length is >= 8 and <= 15 && number[0] != '0' ? "+" + number : null;
    }
}
