namespace Interoffice.Web.Features.MyData;

/// <summary>One thing a person did on "Mijn gegevens", kept with their address so staff see it on the person's page; erased with the person.</summary>
public sealed class SelfServiceActivity
{
    public long Id { get; set; }

    public required string NormalizedEmail { get; set; }

    public DateTime At { get; set; }

    public SelfServiceAction Action { get; set; }

    /// <summary>What it concerned, in staff's words: references, a format, the fields corrected (never their values).</summary>
    public string? Detail { get; set; }
}
