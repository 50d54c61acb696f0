using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Support;

/// <summary>The site's outgoing mail, driven by the test: what has not arrived once the outbox is settled does not come.</summary>
public static class Outgoing
{
    /// <summary>
    /// Runs the sender until it finds nothing to try and no other round holds a message: each one queued so far has
    /// left, was refused, or waits for a later time (a retry, a full minute of its lane), which on the test's clock
    /// does not come until the test moves it.
    /// </summary>
    public static async Task SettleAsync(WebApplicationFactory<Program> site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var sender = site.Services.GetRequiredService<OutboxSender>();
        await Eventually.TrueAsync(
            async () => await sender.SendDueAsync(CancellationToken.None) == 0 && !await BeingSentAsync(site),
            "the outbox has nothing left to send now");
    }

    // A message another round holds (the site's own sender, a second instance); its outcome releases the claim. A
    // claim left by a round that was stopped counts until its time is up, as it does for the site.
    private static async Task<bool> BeingSentAsync(WebApplicationFactory<Program> site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var now = site.Now();
        return await db.Set<OutboxMessage>().AnyAsync(m => m.SentAt == null && m.DeadAt == null && m.ClaimedUntil >= now);
    }
}
