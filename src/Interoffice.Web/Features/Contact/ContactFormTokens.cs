using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;

namespace Interoffice.Web.Features.Contact;

/// <summary>
/// The contact page from the page cache: it is rendered once per consent state with a placeholder where the form's
/// antiforgery token goes, and each view gets its own filled in here, after the cache, so it is never stored or shared
/// (the time stamp is filled in by <see cref="FormStamps"/>, as on every page). Rendering the page for every view made it the site's slowest (docs/measuring.md).
/// </summary>
public sealed class ContactFormTokens(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string Path = "/contact";
    public const string TokenPlaceholder = "io-placeholder-antiforgery-9c41";

    private static readonly byte[] Token = Encoding.UTF8.GetBytes(TokenPlaceholder);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.Path != Path)
        {
            await next(context);
            return;
        }

        // Tells the view to write the placeholder (see Contact.cshtml).
        context.Features.Set(this);
        var response = context.Response;
        var body = response.Body;
        using var page = new MemoryStream(16 * 1024);
        response.Body = page;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }

        // Spliced as bytes: the page goes out as it came, with this view's own token where the placeholder stood.
        var bytes = page.GetBuffer().AsMemory(0, (int)page.Length);
        var at = response.StatusCode == StatusCodes.Status200OK ? bytes.Span.IndexOf(Token) : -1;
        byte[] value = [];
        if (at >= 0)
        {
            // Sets the antiforgery cookie (a first visit) and the no-store headers, as the form tag helper would have.
            value = Encoding.UTF8.GetBytes(antiforgery.GetAndStoreTokens(context).RequestToken!);
            response.ContentLength = bytes.Length + value.Length - Token.Length;
        }

        var writer = response.BodyWriter;
        if (at >= 0)
        {
            writer.Write(bytes.Span[..at]);
            writer.Write(value);
            writer.Write(bytes.Span[(at + Token.Length)..]);
        }
        else
        {
            writer.Write(bytes.Span);
        }

        await writer.FlushAsync(context.RequestAborted);
    }
}
