using System.Net;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Privacy;

/// <summary>
/// What an auditor finds in the data folder (database, its -wal and -shm, the mail pickup folder) after personal
/// data was erased, deleted or outlived its retention: none of it. Mail goes to the pickup folder, as on a site
/// without a mail server, so that the folder holds a copy of every notification too.
/// </summary>
public sealed class NothingKeptTests : IAsyncLifetime
{
    private readonly SiteFactory site = new();
    private readonly Visitor staff;

    public NothingKeptTests() => staff = Visitor.Of(site);

    public async Task InitializeAsync()
    {
        await Support.Staff.CreateAsync(site, "greet@interoffice.nl");
        using var _ = await Support.Staff.SignInAsync(staff, "greet@interoffice.nl");
    }

    public async Task DisposeAsync()
    {
        staff.Dispose();
        await site.DisposeAsync();
    }

    [Fact]
    public async Task Erasure_leaves_no_trace_in_the_data_folder()
    {
        var person = await PostAsync();
        var other = await PostAsync();
        AssertOnDisk(person);

        using var erased = await Support.Staff.ErasePersonAsync(staff, person.Email);
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);

        AssertGone(person);
        AssertOnDisk(other);
    }

    [Fact]
    public async Task Deleting_a_message_leaves_no_trace_in_the_data_folder()
    {
        var person = await PostAsync();
        var other = await PostAsync();
        AssertOnDisk(person);

        using var deleted = await Support.Staff.PostFormAsync(staff, $"/beheer/berichten/{person.Id}/verwijderen", $"/beheer/berichten/{person.Id}/verwijderen");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        AssertGone(person);
        AssertOnDisk(other);
    }

    [Fact]
    public async Task Retention_leaves_no_trace_in_the_data_folder()
    {
        var person = await PostAsync();
        AssertOnDisk(person);

        // 25 months later, the daily retention round.
        site.Clock.SetUtcNow(TestTime.Start.AddMonths(25));
        var result = await site.Services.GetRequiredService<RetentionJob>().RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, result["contact submissions"]);

        AssertGone(person);
    }

    [Fact]
    public async Task A_backup_made_after_an_erasure_holds_nothing_of_the_person()
    {
        var person = await PostAsync();
        var other = await PostAsync();
        using (var erased = await Support.Staff.ErasePersonAsync(staff, person.Email))
        {
            Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        }

        // The online backup copies the database page by page, free pages too: they must hold nothing either.
        var target = Path.Combine(site.DataFolder, "backups", "interoffice.db");
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await BackupCommand.RunAsync(site.Services, ["backup", "--to", target], output, error));

        var backups = Path.GetDirectoryName(target)!;
        Assert.Empty(DataFolder.FilesContaining(backups, person.Email));
        Assert.Empty(DataFolder.FilesContaining(backups, person.Phrase));
        Assert.NotEmpty(DataFolder.FilesContaining(backups, other.Phrase));
    }

    [Theory]
    [InlineData("erase")]
    [InlineData("delete")]
    public async Task Nothing_is_deleted_when_its_audit_entry_cannot_be_written(string how)
    {
        var person = await PostAsync();

        // Staff are at the confirmation when the audit log stops taking entries.
        var confirmation = await ConfirmationAsync(how, person);
        await SqlAsync("CREATE TRIGGER audit_down BEFORE INSERT ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END;");

        using (var refused = await Support.Staff.PostFormOnAsync(staff, confirmation, Action(how, person)))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        }

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
            Assert.True(await db.Set<ContactSubmission>().AnyAsync(s => s.Id == person.Id), "the submission is still there");
            Assert.True(await db.Set<OutboxMessage>().AnyAsync(m => m.CorrelationId == person.Id), "its mail is still there");
        }

        Assert.NotEmpty(DataFolder.FilesContaining(site.PickupFolder, person.Phrase));

        await SqlAsync("DROP TRIGGER audit_down;");
        using (var done = await DeleteAsync(how, person))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        AssertGone(person);
    }

    [Fact]
    public async Task Mail_files_that_no_message_owns_are_deleted_once_past_the_retention_period()
    {
        Directory.CreateDirectory(site.PickupFolder);
        var old = Path.Combine(site.PickupFolder, "20240101-120000-oud.eml");
        var recent = Path.Combine(site.PickupFolder, "20261101-120000-recent.eml");
        await File.WriteAllTextAsync(old, "Subject: oud");
        await File.WriteAllTextAsync(recent, "Subject: recent");
        File.SetLastWriteTimeUtc(old, site.Now().AddMonths(-25));
        File.SetLastWriteTimeUtc(recent, site.Now().AddMonths(-23));

        var result = await site.Services.GetRequiredService<RetentionJob>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, result["unowned mail files"]);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
    }

    private sealed record Person(Guid Id, string Reference, string Email, string Phrase);

    /// <summary>A visitor sends the form with an address and a phrase found nowhere else, and its staff mail is written.</summary>
    private async Task<Person> PostAsync()
    {
        var token = Guid.NewGuid().ToString("N")[..12];
        var email = $"wis-{token}@example.nl";
        var phrase = $"Onze printer {token} drukt alles dubbel af";
        using var visitor = Visitor.Of(site);
        var (response, _) = await ContactPoster.PostAsync(visitor, ContactPoster.Valid(name: "Wim Wissel", email: email, message: phrase));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var reference = await ContactPoster.ReferenceAsync(visitor, response);
        var stored = await Eventually.ReturnsAsync(
            () => ContactPoster.StoredAsync(site, reference),
            s => s.Mail == MailState.InFolder,
            "the staff mail is written to the folder");
        return new Person(stored.Submission.Id, reference, email, phrase);
    }

    private Task<HttpResponseMessage> DeleteAsync(string how, Person person) => how == "erase"
        ? Support.Staff.ErasePersonAsync(staff, person.Email)
        : Support.Staff.PostFormAsync(staff, $"/beheer/berichten/{person.Id}/verwijderen", $"/beheer/berichten/{person.Id}/verwijderen");

    // The page with the button that deletes: the erase confirmation, or the delete confirmation.
    private async Task<AngleSharp.Dom.IDocument> ConfirmationAsync(string how, Person person)
    {
        if (how != "erase")
        {
            return await staff.PageAsync($"/beheer/berichten/{person.Id}/verwijderen");
        }

        using var confirming = await Support.Staff.PostFormOnAsync(staff, await Support.Staff.LookUpPersonAsync(staff, person.Email), "/beheer/persoon/wissen/bevestigen");
        return await Html.ParseAsync(await confirming.Content.ReadAsStringAsync());
    }

    private static string Action(string how, Person person) => how == "erase" ? "/beheer/persoon/wissen" : $"/beheer/berichten/{person.Id}/verwijderen";

    // Before: the search finds the person in the database files and in the mail folder, so it can find them.
    private void AssertOnDisk(Person person)
    {
        foreach (var text in new[] { person.Email, person.Phrase })
        {
            var files = DataFolder.FilesContaining(site.DataFolder, text);
            Assert.Contains(files, f => f.StartsWith("interoffice.db", StringComparison.Ordinal));
            Assert.Contains(files, f => f.StartsWith("mail", StringComparison.Ordinal) && f.EndsWith(".eml", StringComparison.Ordinal));
        }
    }

    private void AssertGone(Person person)
    {
        Assert.Empty(DataFolder.FilesContaining(site.DataFolder, person.Email));
        Assert.Empty(DataFolder.FilesContaining(site.DataFolder, person.Phrase));
    }

    private async Task SqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={site.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
