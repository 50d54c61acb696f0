namespace Interoffice.Web.Features.MyData;

/// <summary>
/// The one cookie of "Mijn gegevens": a random secret that binds a link to the browser that asked for it, and then
/// names the session that link opened. Only on /mijn-gegevens, never to scripts, never sent from another site.
/// </summary>
public sealed class MyDataCookie(IHostEnvironment environment)
{
    public const string Name = "io.mijngegevens";
    public const string Path = "/mijn-gegevens";

    public static string? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Cookies[Name] is { Length: > 0 and <= 64 } value ? value : null;
    }

    public void Write(HttpResponse response, string value, TimeSpan lasts)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(Name, value, new CookieOptions
        {
            Path = Path,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = !environment.IsDevelopment(),
            MaxAge = lasts,
            IsEssential = true,
        });
    }

    public void Delete(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(Name, new CookieOptions { Path = Path, HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = !environment.IsDevelopment() });
    }
}
