using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Interoffice.Web.Tests.Support;

/// <summary>A real SMTP server in the test process, on loopback, that keeps every message it receives.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private CancellationTokenSource? stop;
    private Task? running;

    public int Port { get; } = FreePort();

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>
    /// The server's answer to a message, as a spam filter or a full mailbox gives it: null accepts the message,
    /// a reply code and text refuse it (e.g. 550 or 451) and it is not kept.
    /// </summary>
    public Func<MimeMessage, (int Code, string Text)?> Answer { get; set; } = _ => null;

    /// <summary>Whether the server hangs up in the middle of a message instead of answering (a lost connection).</summary>
    public Func<MimeMessage, bool> HangUp { get; set; } = _ => false;

    /// <summary>What happens while the server takes a message in, before it answers: the time a slow server takes, on the site's clock.</summary>
    public Func<MimeMessage, Task> WhileReceiving { get; set; } = _ => Task.CompletedTask;

    public bool IsRunning => running is { IsCompleted: false };

    public static SmtpSink Started()
    {
        var sink = new SmtpSink();
        sink.Start();
        return sink;
    }

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        stop = new CancellationTokenSource();
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public async Task StopAsync()
    {
        if (stop is null || running is null)
        {
            return;
        }

        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // Stopped as asked.
        }

        stop.Dispose();
        stop = null;
        running = null;
    }

    /// <summary>Waits until <paramref name="count"/> messages have arrived, or the time is up.</summary>
    public Task<bool> WaitForAsync(int count, TimeSpan within) =>
        Eventually.WithinAsync(() => Task.FromResult(Messages.Count >= count), within);

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream();
            foreach (var segment in buffer)
            {
                await stream.WriteAsync(segment, cancellationToken);
            }

            stream.Position = 0;
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            await sink.WhileReceiving(message);

            if (sink.HangUp(message))
            {
                // The connection goes before any answer: the sender cannot know whether the message arrived.
                context.Pipe.Dispose();
                throw new IOException("connection dropped by the test server");
            }

            if (sink.Answer(message) is { } refusal)
            {
                return new SmtpResponse((SmtpReplyCode)refusal.Code, refusal.Text);
            }

            sink.Messages.Enqueue(message);
            return SmtpResponse.Ok;
        }
    }
}
