using System.Buffers;
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

    private static readonly byte[] Token = Encoding.UTF8.GetBytes(TokenPlaceholder);
    private static readonly byte[] Stamp = Encoding.UTF8.GetBytes(StampPlaceholder);

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

        // Spliced as bytes: the page goes out as it came, with this view's own values where the placeholders stood.
        var bytes = page.GetBuffer().AsMemory(0, (int)page.Length);
        var splices = new List<(int At, int Length, byte[] Value)>();
        if (response.StatusCode == StatusCodes.Status200OK && bytes.Span.IndexOf(Token) is var tokenAt and >= 0)
        {
            // Sets the antiforgery cookie (a first visit) and the no-store headers, as the form tag helper would have.
            splices.Add((tokenAt, Token.Length, Encoding.UTF8.GetBytes(antiforgery.GetAndStoreTokens(context).RequestToken!)));
            if (bytes.Span.IndexOf(Stamp) is var stampAt and >= 0)
            {
                splices.Add((stampAt, Stamp.Length, Encoding.UTF8.GetBytes(stamp.Issue())));
            }
        }

        splices.Sort((a, b) => a.At.CompareTo(b.At));
        if (splices.Count > 0)
        {
            response.ContentLength = bytes.Length + splices.Sum(s => s.Value.Length - s.Length);
        }

        var writer = response.BodyWriter;
        var position = 0;
        foreach (var (at, length, value) in splices)
        {
            writer.Write(bytes.Span[position..at]);
            writer.Write(value);
            position = at + length;
        }

        writer.Write(bytes.Span[position..]);
        await writer.FlushAsync(context.RequestAborted);
    }
}
