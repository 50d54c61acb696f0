using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Interoffice.Web.Tests.Support;

/// <summary>The site's program started as an operator starts it and left running on a free loopback port.</summary>
public sealed class RunningSite : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private RunningSite(Process process, Uri address)
    {
        this.process = process;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(1) };
    }

    private bool disposed;

    public HttpClient Client { get; }

    /// <summary>What the program wrote so far (its log).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the program and returns once it answers <c>/healthz</c> (it listens), not once it is ready.</summary>
    public static async Task<RunningSite> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var site = new RunningSite(Process.Start(SiteProcess.StartInfo(["--urls", address.ToString()], environment))!, address);
        site.process.OutputDataReceived += site.Collect;
        site.process.ErrorDataReceived += site.Collect;
        site.process.BeginOutputReadLine();
        site.process.BeginErrorReadLine();
        if (await Eventually.WithinAsync(site.ListensAsync, Eventually.Deadline) && !site.process.HasExited)
        {
            return site;
        }

        var log = site.Output;
        await site.DisposeAsync();
        throw new InvalidOperationException($"the site did not start listening; its output:{Environment.NewLine}{log}");
    }

    /// <summary>Kills the program (it is not stopped: nothing is drained), once however often it is called.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        Client.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    // Answers /healthz (true), has exited (true: the wait is over), or does not listen yet.
    private async Task<bool> ListensAsync()
    {
        if (process.HasExited)
        {
            return true;
        }

        try
        {
            using var live = await Client.GetAsync(new Uri("/healthz", UriKind.Relative));
            return live.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Collect(object sender, DataReceivedEventArgs e)
    {
        lock (output)
        {
            output.AppendLine(e.Data);
        }
    }
}
