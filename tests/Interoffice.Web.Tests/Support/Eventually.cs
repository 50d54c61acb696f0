using System.Diagnostics;

namespace Interoffice.Web.Tests.Support;

/// <summary>
/// Waits for what the site does in the background (a mail sent, a file written), as a person would look again. The
/// one place in the tests that waits on the real clock: only ever for something to happen, with a deadline a loaded
/// machine meets; a passing test waits no longer than the thing takes.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> read, Func<T, bool> done, string because)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        T last = default!;
        var happened = await WithinAsync(async () => done(last = await read()), Deadline);
        Assert.True(happened, $"waited {Deadline.TotalSeconds} seconds in vain: {because} (last seen: {last})");
        return last;
    }

    public static Task TrueAsync(Func<Task<bool>> condition, string because) =>
        ReturnsAsync(condition, value => value, because);

    public static Task TrueAsync(Func<bool> condition, string because) =>
        ReturnsAsync(() => Task.FromResult(condition()), value => value, because);

    /// <summary>True as soon as <paramref name="condition"/> holds; false when it still does not after <paramref name="within"/>.</summary>
    public static async Task<bool> WithinAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started) > within)
            {
                return false;
            }

            await Task.Delay(25);
        }

        return true;
    }
}
