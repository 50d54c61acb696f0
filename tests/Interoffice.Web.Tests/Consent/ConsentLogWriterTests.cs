using System.Net;
using System.Text.Json;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace Interoffice.Web.Tests.Consent;

/// <summary>
/// Choices that never wait on each other and are never lost: many visitors at once on two instances sharing one file,
/// a visitor who leaves before the answer, and a site killed while choices are being written.
/// </summary>
public sealed class ConsentLogWriterTests
{
    [Fact]
    public async Task Two_instances_on_one_file_answer_every_choice_with_a_303_and_log_each_once_in_an_intact_signed_chain()
    {
        await using var first = new SiteFactory().WithAllServices();
        await using var second = new SiteFactory { DatabasePath = first.DatabasePath, Clock = first.Clock }.WithAllServices();
        var answers = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();

        async Task VisitorsAsync(SiteFactory site, int count) => await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            using var visitor = Visitor.Of(site);
            using var a = await visitor.ChooseAsync(i % 2 == 0 ? "alles" : "niets");
            using var b = await visitor.ChooseAsync("selectie", ["analytics"]);
            answers.Add(a.StatusCode);
            answers.Add(b.StatusCode);
        }));

        await Task.WhenAll(VisitorsAsync(first, 32), VisitorsAsync(second, 32));

        Assert.Equal(128, answers.Count(a => a == HttpStatusCode.SeeOther));
        await using var scope = first.Services.CreateAsyncScope();
        var perVisitor = await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<ConsentRecord>()
            .GroupBy(r => r.ConsentId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(64, perVisitor.Count);
        Assert.All(perVisitor, count => Assert.Equal(2, count));
        var (code, output) = await ConsentLogFile.VerifyAsync(first);
        Assert.True(code == 0, output);
        Assert.Contains("Het toestemmingslog is intact: 128 keuzes en 1 momentopnamen kloppen. Ondertekend tot en met keuze 128 van het log", output, StringComparison.Ordinal);
        Assert.DoesNotContain(first.LogEvents.Concat(second.LogEvents), e => e.Level >= LogEventLevel.Error);
    }

    [Fact]
    public async Task A_visitor_who_leaves_before_the_answer_is_not_an_error_and_the_choice_is_logged_all_the_same()
    {
        await using var site = new SiteFactory().WithAllServices();
        await ConsentLogFile.ChooseAsync(site, 1);

        // Another writer holds the file, so the choice waits; the visitor gives up and closes the connection.
        await using (var holder = new SqliteConnection($"Data Source={site.DatabasePath}"))
        {
            await holder.OpenAsync();
            await using (var begin = holder.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;";
                await begin.ExecuteNonQueryAsync();
            }

            using var visitor = Visitor.Of(site);
            using var leaving = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            using var form = new FormUrlEncodedContent([new("Choice", "alles"), new("ReturnUrl", "/")]);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/cookies/keuze") { Content = form };
            request.Headers.Add("Sec-Fetch-Site", "same-origin");
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => visitor.Client.SendAsync(request, leaving.Token));

            await using var rollback = holder.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }

        await Eventually.TrueAsync(async () => (await ConsentLogFile.HeadsAsync(site)).Count == 2, "the abandoned choice is written once the file is free");
        Assert.Equal(0, (await ConsentLogFile.VerifyAsync(site)).ExitCode);
        Assert.True(!site.LogEvents.Any(e => e.Level >= LogEventLevel.Error), string.Join("\n", site.LogEvents.Where(e => e.Level >= LogEventLevel.Error).Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + " " + e.Exception?.GetType() + " " + string.Join(",", e.Properties.Select(p => p.Key + "=" + p.Value)))));
        Assert.DoesNotContain(site.LogEvents, e => e.Properties.TryGetValue("StatusCode", out var status) && status.ToString() == "500");
        Assert.Contains(site.LogEvents, e => e.Properties.TryGetValue("StatusCode", out var status) && status.ToString() == "499");
    }

    [Fact]
    public async Task A_site_killed_while_choices_are_written_loses_none_that_was_answered()
    {
        var path = SiteProcess.NewDatabasePath();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = $"Data Source={path}",
            ["Consent__ChoiceRateLimitPermits"] = "100000",
            ["Smtp__PickupDirectory"] = Path.Combine(Path.GetDirectoryName(path)!, "mail"),
        };
        var answered = new System.Collections.Concurrent.ConcurrentBag<string>();
        await using (var site = await RunningSite.StartAsync(environment))
        {
            using var stop = new CancellationTokenSource();
            var visitors = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    using var form = new FormUrlEncodedContent([new("Choice", "alles"), new("ReturnUrl", "/")]);
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/cookies/keuze") { Content = form };
                    request.Headers.Add("Sec-Fetch-Site", "same-origin");
                    request.Headers.Add("Accept", "application/json");
                    try
                    {
                        using var response = await site.Client.SendAsync(request);
                        if (response.IsSuccessStatusCode)
                        {
                            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                            answered.Add(json.RootElement.GetProperty("consentId").GetString()!);
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ObjectDisposedException)
                    {
                        return; // the site is gone
                    }
                }
            })).ToList();

            await Eventually.TrueAsync(() => answered.Count >= 100, "visitors are answered");
            await site.DisposeAsync(); // killed, not stopped: nothing is drained
            await stop.CancelAsync();
            await Task.WhenAll(visitors);
        }

        Assert.True(answered.Count >= 100);
        await using var file = new SqliteConnection($"Data Source={path}");
        await file.OpenAsync();
        await using var read = file.CreateCommand();
        read.CommandText = "SELECT ConsentId FROM ConsentRecords";
        var logged = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                logged.Add(reader.GetString(0));
            }
        }

        Assert.DoesNotContain(answered, id => !logged.Contains(id));
        SqliteConnection.ClearAllPools();
        var verify = await SiteProcess.RunAsync(["consent", "verify"], environment);
        Assert.True(verify.ExitCode == 0, verify.Output);
    }
}
