namespace Interoffice.Web.Tests.Support;

/// <summary>Waits for what the site does in the background (a mail sent, a job run), as a person would look again.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> read, Func<T, bool> done, string because, int seconds = 15)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"waited {seconds} seconds in vain: {because} (last seen: {value})");
            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<Task<bool>> condition, string because, int seconds = 15) =>
        ReturnsAsync(condition, value => value, because, seconds);

    public static Task TrueAsync(Func<bool> condition, string because, int seconds = 15) =>
        ReturnsAsync(() => Task.FromResult(condition()), value => value, because, seconds);
}
