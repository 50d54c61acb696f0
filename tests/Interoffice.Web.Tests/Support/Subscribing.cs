using System.Text.RegularExpressions;
using Interoffice.Web.Features.Newsletter;
using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Interoffice.Web.Tests.Support;

/// <summary>The newsletter as a visitor and their mail program use it: the footer form, the links in the mails.</summary>
public static partial class Subscribing
{
    /// <summary>Posts the sign-up form of <paramref name="page"/> as the browser does: its own fields, from this site, no token.</summary>
    public static async Task<HttpResponseMessage> SignUpAsync(Visitor visitor, string email, string page = "/", string? site = "same-origin")
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var document = await visitor.PageAsync(page);
        var form = document.QuerySelector("form[action='/nieuwsbrief']") ?? throw new InvalidOperationException($"{page} has no sign-up form");
        var fields = form.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "", StringComparer.Ordinal);
        fields["Email"] = email;
        return await PostAsync(visitor, "/nieuwsbrief", fields, site);
    }

    public static async Task<HttpResponseMessage> PostAsync(Visitor visitor, string path, IReadOnlyDictionary<string, string> fields, string? site = "same-origin")
    {
        ArgumentNullException.ThrowIfNull(visitor);
        using var content = new FormUrlEncodedContent(fields);
        return await visitor.SendAsync(HttpMethod.Post, path, content, headers: site is null ? null : new Dictionary<string, string> { ["Sec-Fetch-Site"] = site });
    }

    /// <summary>The confirmation link in a mail's text part.</summary>
    public static string ConfirmLinkIn(MimeMessage mail) =>
        ConfirmLink().Match(mail?.TextBody ?? "") is { Success: true } match ? match.Value : throw new InvalidOperationException("the mail has no confirmation link");

    /// <summary>Opens the link as the visitor does, and presses the button on the page it shows.</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(Visitor visitor, string link)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var page = await visitor.PageAsync(new Uri(link).PathAndQuery);
        var code = page.QuerySelector("form[action='/nieuwsbrief/bevestigen'] input[name=code]")?.GetAttribute("value") ?? "";
        return await PostAsync(visitor, "/nieuwsbrief/bevestigen", new Dictionary<string, string> { ["code"] = code });
    }

    /// <summary>The address in a mail's List-Unsubscribe header.</summary>
    public static string UnsubscribeHeaderOf(MimeMessage mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var header = mail.Headers["List-Unsubscribe"] ?? throw new InvalidOperationException("no List-Unsubscribe header");
        return header.Trim().TrimStart('<').TrimEnd('>');
    }

    /// <summary>Signs up and confirms <paramref name="count"/> addresses straight in the database, as if each had done so.</summary>
    public static async Task<IReadOnlyList<string>> ConfirmedAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> site, int count, string prefix = "abonnee")
    {
        ArgumentNullException.ThrowIfNull(site);
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var text = SignUpText.Snapshot("1");
        var sha = SignUpText.Sha256(text);
        if (!await db.Set<SignUpWording>().AnyAsync(w => w.Sha256 == sha))
        {
            db.Add(new SignUpWording { Sha256 = sha, Text = text, FirstUsedAt = site.Now() });
        }

        var addresses = Enumerable.Range(1, count).Select(i => $"{prefix}{i:D3}@example.nl").ToList();
        foreach (var address in addresses)
        {
            var subscriber = Subscriber.SignUp(address, address, SignUpSource.Form, null, sha, site.Now().AddDays(-1));
            subscriber.Confirm(site.Now().AddDays(-1));
            db.Add(subscriber);
        }

        await db.SaveChangesAsync();
        return addresses;
    }

    [GeneratedRegex(@"https://www\.interoffice\.nl/nieuwsbrief/bevestigen\?code=[A-Za-z0-9_-]+")]
    private static partial Regex ConfirmLink();
}
