using System.Buffers;
using System.Text;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>
/// Public forms sit on cached pages (the newsletter sign-up in every page's footer): a page is rendered once with a
/// placeholder where a form's time stamp goes, and each view gets the stamp of its own moment here, after the cache.
/// Only HTML is held back to do so; every other response passes straight through.
/// </summary>
public sealed class FormStamps(RequestDelegate next, FormStamp stamp)
{
    public const string Placeholder = "io-placeholder-form-stamp-9c41";

    private static readonly byte[] PlaceholderBytes = Encoding.UTF8.GetBytes(Placeholder);

    /// <summary>What a form shown in this response carries as its stamp: the placeholder on a page that may be cached, else a stamp of now.</summary>
    public static string For(HttpContext context, FormStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(stamp);
        return context.Features.Get<FormStamps>() is null ? stamp.Issue() : Placeholder;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            await next(context);
            return;
        }

        context.Features.Set(this);
        var response = context.Response;
        var body = response.Body;
        await using var page = new HtmlHoldingStream(response, body);
        response.Body = page;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }

        if (page.Held is not { } held)
        {
            return;
        }

        var bytes = held.GetBuffer().AsMemory(0, (int)held.Length);
        var value = Encoding.UTF8.GetBytes(stamp.Issue());
        var writer = response.BodyWriter;
        var rest = bytes.Span;
        var found = 0;
        for (var at = rest.IndexOf(PlaceholderBytes); at >= 0; at = rest.IndexOf(PlaceholderBytes))
        {
            if (found++ == 0 && !response.HasStarted)
            {
                response.ContentLength = bytes.Length + (Count(bytes.Span) * (value.Length - PlaceholderBytes.Length));
            }

            writer.Write(rest[..at]);
            writer.Write(value);
            rest = rest[(at + PlaceholderBytes.Length)..];
        }

        writer.Write(rest);
        await writer.FlushAsync(context.RequestAborted);
    }

    private static int Count(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        for (var at = bytes.IndexOf(PlaceholderBytes); at >= 0; at = bytes.IndexOf(PlaceholderBytes))
        {
            count++;
            bytes = bytes[(at + PlaceholderBytes.Length)..];
        }

        return count;
    }

    /// <summary>Holds an HTML body back until the page is complete; anything else goes through as it is written.</summary>
    private sealed class HtmlHoldingStream(HttpResponse response, Stream inner) : Stream
    {
        private bool decided;

        public MemoryStream? Held { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Target().Write(buffer, offset, count);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Target().WriteAsync(buffer, offset, count, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            Target().WriteAsync(buffer, cancellationToken);

        // A held page is flushed once, whole; anything else as its writer asks.
        public override void Flush()
        {
            if (Held is null)
            {
                inner.Flush();
            }
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Held is null && decided ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Held?.Dispose();
            }

            base.Dispose(disposing);
        }

        private Stream Target()
        {
            if (!decided)
            {
                decided = true;
                if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    Held = new MemoryStream(32 * 1024);
                }
            }

            return Held ?? inner;
        }
    }
}
