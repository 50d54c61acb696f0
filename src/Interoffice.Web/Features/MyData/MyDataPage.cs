using Interoffice.Web.Features.Consent;

namespace Interoffice.Web.Features.MyData;

/// <summary>What the session page shows: the person's data, this browser's consent records, and a correction that came back with errors.</summary>
public sealed record MyDataPage(PersonData Person, IReadOnlyList<ConsentRecord> BrowserConsents, AccessSession Session, DateTime Now, CorrectionForm? Correction = null, ObjectionForm? Objection = null);
