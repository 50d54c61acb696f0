using System.Text;
using Microsoft.AspNetCore.Antiforgery;

namespace Interoffice.Web.Features.Contact;

/// <summary>
/// The contact page from the page cache: it is rendered once per consent state with placeholders where the form's
/// antiforgery token and time stamp go, and each view gets its own filled in here, after the cache, so neither is ever
/// stored or shared. Rendering the page for every view made it the site's slowest (docs/measuring.md).
/// </summary>
public sealed class ContactFormTokens(RequestDelegate next, IAntiforgery antiforgery, FormStamp stamp)
{
    public const string Path = "/contact";
    public const string TokenPlaceholder = "io-placeholder-antiforgery-9c41";
    public const string StampPlaceholder = "io-placeholder-form-stamp-9c41";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.Path != Path)
        {
            await next(context);
            return;
        }

        // Tells the view to write the placeholders (see Contact.cshtml).
        context.Features.Set(this);
        var response = context.Response;
        var body = response.Body;
        using var page = new MemoryStream();
        response.Body = page;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }

        var bytes = page.ToArray();
        if (response.StatusCode == StatusCodes.Status200OK && Encoding.UTF8.GetString(bytes) is var html && html.Contains(TokenPlaceholder, StringComparison.Ordinal))
        {
            // Sets the antiforgery cookie (a first visit) and the no-store headers, as the form tag helper would have.
            var tokens = antiforgery.GetAndStoreTokens(context);
            bytes = Encoding.UTF8.GetBytes(html
                .Replace(TokenPlaceholder, tokens.RequestToken, StringComparison.Ordinal)
                .Replace(StampPlaceholder, stamp.Issue(), StringComparison.Ordinal));
        }

        response.ContentLength = bytes.Length;
        await body.WriteAsync(bytes, context.RequestAborted);
    }
}
