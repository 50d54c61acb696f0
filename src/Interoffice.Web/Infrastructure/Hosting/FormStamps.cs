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

        if (!page.IsHeld)
        {
            return;
        }

        var bytes = page.Held;
        var value = Encoding.UTF8.GetBytes(stamp.Issue());

        // One search of the page: where each placeholder stands, then the length, then the page with the stamps in.
        var found = new List<int>();
        for (var from = 0; bytes.Span[from..].IndexOf(PlaceholderBytes) is var at and >= 0; from += at + PlaceholderBytes.Length)
        {
            found.Add(from + at);
        }

        if (found.Count > 0 && !response.HasStarted)
        {
            response.ContentLength = bytes.Length + (found.Count * (value.Length - PlaceholderBytes.Length));
        }

        var writer = response.BodyWriter;
        var position = 0;
        foreach (var at in found)
        {
            writer.Write(bytes.Span[position..at]);
            writer.Write(value);
            position = at + PlaceholderBytes.Length;
        }

        writer.Write(bytes.Span[position..]);
        await writer.FlushAsync(context.RequestAborted);
    }

    /// <summary>
    /// Holds an HTML body back, in a buffer from the shared pool, until the page is complete; anything else goes through
    /// as it is written.
    /// </summary>
    private sealed class HtmlHoldingStream(HttpResponse response, Stream inner) : Stream
    {
        private bool decided;
        private byte[]? buffer;
        private int length;

        public bool IsHeld => buffer is not null;

        public ReadOnlyMemory<byte> Held => buffer.AsMemory(0, length);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> data)
        {
            if (Decide())
            {
                Hold(data);
            }
            else
            {
                inner.Write(data);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        {
            if (!Decide())
            {
                return inner.WriteAsync(data, cancellationToken);
            }

            Hold(data.Span);
            return ValueTask.CompletedTask;
        }

        // A held page is flushed once, whole; anything else as its writer asks.
        public override void Flush()
        {
            if (decided && buffer is null)
            {
                inner.Flush();
            }
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => decided && buffer is null ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = null;
            }

            base.Dispose(disposing);
        }

        // True when this response is held: decided at its first write, by its content type.
        private bool Decide()
        {
            if (!decided)
            {
                decided = true;
                if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    buffer = ArrayPool<byte>.Shared.Rent(32 * 1024);
                }
            }

            return buffer is not null;
        }

        private void Hold(ReadOnlySpan<byte> data)
        {
            if (length + data.Length > buffer!.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + data.Length));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            data.CopyTo(buffer.AsSpan(length));
            length += data.Length;
        }
    }
}
