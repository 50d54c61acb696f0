using System.Net;
using System.Security.Cryptography;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Support;

/// <summary>Staff accounts and sign-in as staff meet them: made with the command-line verbs, used through the pages.</summary>
public static class Staff
{
    public const string Password = "correct paard batterij nietje";

    /// <summary>Runs <c>staff …</c> in the site's process, the password given on standard input.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(SiteFactory site, string input, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(site);
        using var _ = site.CreateClient();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await StaffCommands.RunAsync(site.Services, ["staff", .. args], new StringReader(input), output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static async Task CreateAsync(SiteFactory site, string email, string password = Password)
    {
        var (code, _, error) = await RunAsync(site, password + "\n", "create", "--email", email);
        Assert.True(code == 0, error);
    }

    /// <summary>Signs in through /beheer/inloggen; returns the response to the sign-in post.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(Visitor visitor, string email, string password = Password)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var page = await visitor.PageAsync("/beheer/inloggen");
        var token = page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Email", email), new("Password", password)]);
        return await visitor.SendAsync(HttpMethod.Post, "/beheer/inloggen", form);
    }

    /// <summary>Posts a staff form found on <paramref name="page"/> (by its action), with the page's token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(Visitor visitor, string page, string action, params (string Name, string Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var document = await visitor.PageAsync(page);
        var form = document.QuerySelector($"form[action='{action}']") ?? throw new InvalidOperationException($"{page} has no form to {action}");
        var values = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var content = new FormUrlEncodedContent(values);
        return await visitor.SendAsync(HttpMethod.Post, action, content);
    }

    public static async Task<ContactSubmission> AddSubmissionAsync(SiteFactory site, string name, string email, string message, DateTime receivedAt, ContactKind kind = ContactKind.General, SubmissionStatus status = SubmissionStatus.New)
    {
        ArgumentNullException.ThrowIfNull(site);
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var submission = new ContactSubmission
        {
            Id = Guid.NewGuid(),
            Reference = "IO-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)),
            ReceivedAt = receivedAt,
            Name = name,
            Email = email,
            Message = message,
            Kind = kind,
            Status = status,
            Notification = NotificationState.Sent,
        };
        db.Add(submission);
        await db.SaveChangesAsync();
        return submission;
    }

    /// <summary>The six-digit code an authenticator app shows now for a base32 key (RFC 6238).</summary>
    public static string TotpCode(string base32Key, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(base32Key);
        var key = Base32(base32Key);
        var counter = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        var bytes = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(bytes);
        }

#pragma warning disable CA5350 // TOTP is defined on HMAC-SHA1
        var hash = HMACSHA1.HashData(key, bytes);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var value = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var buffer = 0;
        var result = new List<byte>();
        foreach (var c in text.ToUpperInvariant().Where(c => c != '=' && c != ' '))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                result.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. result];
    }

    public static bool RedirectsToSignIn(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
        && response.Headers.Location?.OriginalString.Contains("/beheer/inloggen", StringComparison.Ordinal) == true;
}
