using System.Text.RegularExpressions;
using AngleSharp.Dom;
using MimeKit;

namespace Interoffice.Web.Tests.Support;

/// <summary>"Mijn gegevens" as a visitor uses it: the request form, the link in the mail, the buttons on their page.</summary>
public static partial class SelfServicing
{
    /// <summary>Fills in the address on /mijn-gegevens and sends it, as the browser does: the page's own fields, from this site.</summary>
    public static async Task<HttpResponseMessage> RequestAsync(Visitor visitor, string email, string? site = "same-origin", string? honeypot = null)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var page = await visitor.PageAsync("/mijn-gegevens");
        var form = page.QuerySelector("form[action='/mijn-gegevens']") ?? throw new InvalidOperationException("/mijn-gegevens has no request form");
        var fields = form.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "", StringComparer.Ordinal);
        fields["Email"] = email;
        if (honeypot is not null)
        {
            fields["Website"] = honeypot;
        }

        return await Subscribing.PostAsync(visitor, "/mijn-gegevens", fields, site);
    }

    /// <summary>The link in a mail's text part, or null when the mail has none (nothing is held).</summary>
    public static string? LinkIn(MimeMessage mail) => Link().Match(mail?.TextBody ?? "") is { Success: true } match ? match.Value : null;

    public static string CodeOf(string link) => link[(link.IndexOf("code=", StringComparison.Ordinal) + 5)..];

    /// <summary>Opens the link as the visitor does, and presses the button on the page it shows.</summary>
    public static async Task<HttpResponseMessage> OpenAsync(Visitor visitor, string link) =>
        await PressAsync(visitor, await LandAsync(visitor, link));

    /// <summary>Opens the link's page (its one button) and returns the page's form fields.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LandAsync(Visitor visitor, string link)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var page = await visitor.PageAsync(new Uri(link).PathAndQuery);
        var code = page.QuerySelector("form[action='/mijn-gegevens/openen'] input[name=code]")?.GetAttribute("value") ?? "";
        return new Dictionary<string, string> { ["code"] = code };
    }

    /// <summary>Presses the button of a link's page opened before (<see cref="LandAsync"/>).</summary>
    public static Task<HttpResponseMessage> PressAsync(Visitor visitor, IReadOnlyDictionary<string, string> landing) =>
        Subscribing.PostAsync(visitor, "/mijn-gegevens/openen", landing);

    /// <summary>Posts the first form of the visitor's page to <paramref name="action"/> with its hidden fields and these, from this site.</summary>
    public static Task<HttpResponseMessage> PostOnAsync(Visitor visitor, IDocument page, string action, params (string Name, string Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = page.QuerySelector($"form[action='{action}']") ?? throw new InvalidOperationException($"the page has no form to {action}");
        return PostFormAsync(visitor, form, action, fields);
    }

    /// <summary>Corrects the name and phone number on the submission with <paramref name="reference"/>, in its own form on the page.</summary>
    public static Task<HttpResponseMessage> CorrectAsync(Visitor visitor, IDocument page, string reference, string name, string phone)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = page.QuerySelectorAll("article").First(a => a.QuerySelector("h3")!.TextContent.Contains(reference, StringComparison.Ordinal))
            .QuerySelector("form[action='/mijn-gegevens/corrigeren']")!;
        return PostFormAsync(visitor, form, "/mijn-gegevens/corrigeren", [("Name", name), ("Phone", phone)]);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(Visitor visitor, IElement form, string action, (string Name, string Value)[] fields)
    {
        var values = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "", StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        return await Subscribing.PostAsync(visitor, action, values);
    }

    /// <summary>The visitor's main content as read, in one line.</summary>
    public static string Text(IDocument page) => page?.QuerySelector("main")?.TextContent.Normalized() ?? "";

    [GeneratedRegex(@"https://www\.interoffice\.nl/mijn-gegevens/openen\?code=[A-Za-z0-9_-]+")]
    private static partial Regex Link();
}
