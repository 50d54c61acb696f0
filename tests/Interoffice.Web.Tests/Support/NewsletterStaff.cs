using System.Net;

namespace Interoffice.Web.Tests.Support;

/// <summary>Sending a newsletter as staff do: write it, press "Versturen aan …", then "Ja, versturen".</summary>
public static class NewsletterStaff
{
    /// <summary>Writes and sends; returns the confirmation page (to post again) and the answer to "Ja, versturen".</summary>
    public static async Task<(AngleSharp.Dom.IDocument Confirmation, HttpResponseMessage Sent)> SendAsync(Visitor staff, string subject, string body)
    {
        var confirmation = await ConfirmationAsync(staff, subject, body);
        return (confirmation, await Staff.PostFormOnAsync(staff, confirmation, "/beheer/nieuwsbrief/versturen"));
    }

    /// <summary>The page that asks "Versturen aan … abonnees?".</summary>
    public static async Task<AngleSharp.Dom.IDocument> ConfirmationAsync(Visitor staff, string subject, string body)
    {
        var editor = await staff.PageAsync("/beheer/nieuwsbrief/schrijven");
        using var asked = await Staff.PostFormOnAsync(staff, editor, "/beheer/nieuwsbrief/schrijven", ("Subject", subject), ("Body", body), ("Actie", "versturen"));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        return await Html.ParseAsync(await asked.Content.ReadAsStringAsync());
    }
}
