using System.Text;

namespace Interoffice.Web.Features.Shared;

/// <summary>CSV that opens safely in a spreadsheet: semicolons (Dutch Excel), quotes, and no cell that starts a formula.</summary>
public static class Csv
{
    public static void AppendRow(StringBuilder csv, IEnumerable<string> cells)
    {
        ArgumentNullException.ThrowIfNull(csv);
        csv.AppendJoin(';', cells.Select(Cell)).Append("\r\n");
    }

    public static byte[] Encode(StringBuilder csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Cell(string value)
    {
        // A leading =, +, -, @, tab or carriage return makes a spreadsheet run the cell as a formula.
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
