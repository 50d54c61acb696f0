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
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> site, string input, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(site);
        using var _ = site.CreateClient();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await StaffCommands.RunAsync(site.Services, ["staff", .. args], new StringReader(input), output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static async Task CreateAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> site, string email, string password = Password)
    {
        var (code, _, error) = await RunAsync(site, password + "\n", "create", "--email", email);
        Assert.True(code == 0, error);
    }

    /// <summary>
    /// Signs in through /beheer/inloggen; returns the response to the sign-in post. A <paramref name="code"/> goes in the
    /// field the form shows after a refusal (a code from the app or a recovery code, with the password).
    /// </summary>
    public static async Task<HttpResponseMessage> SignInAsync(Visitor visitor, string email, string password = Password, string? code = null)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var page = await visitor.PageAsync("/beheer/inloggen");
        var token = page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        List<KeyValuePair<string, string>> fields = [new("__RequestVerificationToken", token), new("Email", email), new("Password", password)];
        if (code is not null)
        {
            fields.Add(new("Code", code));
        }

        using var form = new FormUrlEncodedContent(fields);
        return await visitor.SendAsync(HttpMethod.Post, "/beheer/inloggen", form);
    }

    /// <summary>Posts a staff form found on <paramref name="page"/> (by its action), with the page's token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(Visitor visitor, string page, string action, params (string Name, string Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return await PostFormOnAsync(visitor, await visitor.PageAsync(page), action, fields);
    }

    /// <summary>Looks an address up in the person tool as staff do: typed into its form, sent as a post. Returns the result page.</summary>
    public static async Task<AngleSharp.Dom.IDocument> LookUpPersonAsync(Visitor visitor, string email)
    {
        using var response = await PostFormAsync(visitor, "/beheer/persoon", "/beheer/persoon", ("Email", email));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Looks a consent id up as staff do: typed into the form on /beheer/toestemmingen, sent as a post. Returns the result page.</summary>
    public static async Task<AngleSharp.Dom.IDocument> LookUpConsentAsync(Visitor visitor, string consentId)
    {
        using var response = await PostFormAsync(visitor, "/beheer/toestemmingen", "/beheer/toestemmingen", ("ConsentId", consentId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Erases everything about an address as staff do: look up, "Alles wissen…", confirm. Returns the answer to the confirmation.</summary>
    public static async Task<HttpResponseMessage> ErasePersonAsync(Visitor visitor, string email)
    {
        var found = await LookUpPersonAsync(visitor, email);
        using var confirming = await PostFormOnAsync(visitor, found, "/beheer/persoon/wissen/bevestigen");
        var confirmation = await Html.ParseAsync(await confirming.Content.ReadAsStringAsync());
        return await PostFormOnAsync(visitor, confirmation, "/beheer/persoon/wissen");
    }

    /// <summary>Posts the form to <paramref name="action"/> on a page already opened, with its hidden fields and token.</summary>
    public static async Task<HttpResponseMessage> PostFormOnAsync(Visitor visitor, AngleSharp.Dom.IDocument document, string action, params (string Name, string Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        ArgumentNullException.ThrowIfNull(document);
        var form = document.QuerySelector($"form[action='{action}']") ?? throw new InvalidOperationException($"the page has no form to {action}");
        var values = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var content = new FormUrlEncodedContent(values);
        return await visitor.SendAsync(HttpMethod.Post, action, content);
    }

    public static async Task<ContactSubmission> AddSubmissionAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> site, string name, string email, string message, DateTime receivedAt, ContactKind kind = ContactKind.General, SubmissionStatus status = SubmissionStatus.New)
    {
        ArgumentNullException.ThrowIfNull(site);
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var submission = ContactSubmission.Receive("IO-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)), receivedAt, kind, name, email, phone: null, message);
        if (status == SubmissionStatus.Handled)
        {
            submission.MarkHandled("karin@interoffice.nl", receivedAt);
        }

        db.Add(submission);
        await db.SaveChangesAsync();
        return submission;
    }

    /// <summary>
    /// Switches on two-step sign-in as a staff member does: opens the set-up page, reads the key beside the QR code,
    /// sends the code the app would show. Returns the key and the recovery codes shown once.
    /// </summary>
    public static async Task<string> EnableTwoFactorAsync(Visitor visitor) => (await EnableTwoFactorWithCodesAsync(visitor)).Key;

    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorWithCodesAsync(Visitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var setup = await visitor.PageAsync("/beheer/account/tweestaps");
        var key = setup.QuerySelector("code.totp-key")!.TextContent;
        var token = setup.QuerySelector("form[action='/beheer/account/tweestaps/aan'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Code", TotpCode(key))]);
        using var enabled = await visitor.SendAsync(HttpMethod.Post, "/beheer/account/tweestaps/aan", form);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = (await Html.ParseAsync(await enabled.Content.ReadAsStringAsync())).QuerySelectorAll("ul.recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    /// <summary>Posts a one-field form of a sign-in step (code, recovery code) with that page's token.</summary>
    public static async Task<HttpResponseMessage> PostStepAsync(Visitor visitor, string path, string field, string value)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var page = await visitor.PageAsync(path);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new(field, value)]);
        return await visitor.SendAsync(HttpMethod.Post, path, form);
    }

    /// <summary>The six-digit code an authenticator app shows now for a base32 key (RFC 6238).</summary>
    public static string TotpCode(string base32Key, DateTimeOffset? at = null) => Totp.Code(base32Key, at);

    public static bool RedirectsToSignIn(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
        && response.Headers.Location?.OriginalString.Contains("/beheer/inloggen", StringComparison.Ordinal) == true;
}
