namespace Interoffice.Web.Features.Shared;

/// <summary>The company's details as its privacy statement gives them; shown in the footer and on the contact page.</summary>
public static class Company
{
    public const string Name = "Interoffice Document Solutions B.V.";
    public const string ShortName = "Interoffice";
    public const string Street = "M.J. van Olmstraat 13";
    public const string PostalCode = "9672 AE";
    public const string City = "Winschoten";
    public const string ChamberOfCommerce = "59806249";
    public const string Phone = "0597 423712";
    public const string PhoneUri = "tel:+31597423712";
    public const string Email = "info@interoffice.nl";
    public const string EmailUri = "mailto:info@interoffice.nl";
    public const string MapUri = "https://www.openstreetmap.org/search?query=M.J.%20van%20Olmstraat%2013%2C%209672%20AE%20Winschoten";
}
