using System.Text;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.Shared;
using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.MyData;

/// <summary>A person's submissions as CSV, in Dutch, for a spreadsheet.</summary>
public static class SubmissionsCsv
{
    public static byte[] Of(IEnumerable<ContactSubmission> submissions)
    {
        var csv = new StringBuilder();
        Csv.AppendRow(csv, ["Referentie", $"Ontvangen ({DutchTime.ZoneLabel})", "Onderwerp", "Naam", "E-mailadres", "Telefoon", "Status", "Bericht"]);
        foreach (var s in submissions)
        {
            Csv.AppendRow(csv, [s.Reference, DutchTime.Cell(s.ReceivedAt), s.Kind.Label(), s.Name, s.Email, s.Phone ?? "", s.Status.Label(), s.Message]);
        }

        return Csv.Encode(csv);
    }
}
