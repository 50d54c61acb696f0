using Microsoft.AspNetCore.Identity;

namespace Interoffice.Web.Areas.Beheer.Features.Account;

/// <summary>A credential the browser posted (wwwroot/js/passkey.js), handed to Identity to check.</summary>
internal static class PasskeyCredential
{
    // What the browser sent is checked by Identity; a missing, forged or expired answer (no ceremony under way in this
    // browser, or JSON that is not a credential) counts as no passkey, never as an error page.
    public static async Task<T?> TryAsync<T>(string? credential, Func<string, Task<T>> perform)
        where T : class
    {
        if (string.IsNullOrEmpty(credential))
        {
            return null;
        }

        try
        {
            return await perform(credential);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Text.Json.JsonException or PasskeyException or FormatException)
        {
            return null;
        }
    }
}
