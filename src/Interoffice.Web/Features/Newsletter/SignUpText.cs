using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.Newsletter;

/// <summary>
/// The wording of the sign-up form, in the footer and on /nieuwsbrief alike. The form shows these very strings, and
/// the proof of a sign-up is the SHA-256 of <see cref="Snapshot"/>: change a word here and new sign-ups get a new hash.
/// </summary>
public static class SignUpText
{
    public const string Heading = "Nieuwsbrief";

    public const string Sentence = "Ontvang ons nieuws per e-mail, hoogstens eens per maand: nieuwe diensten, tips voor uw documentbeheer en wijzigingen in onze privacyverklaring. Zonder tracking; afmelden kan altijd met één klik.";

    public const string Label = "E-mailadres voor de nieuwsbrief";

    public const string Button = "Aanmelden";

    public const string PrivacyLink = "Hoe wij met uw e-mailadres omgaan: onze privacyverklaring";

    /// <summary>What the form showed, as stored and hashed: every string above, with the statement version it linked to.</summary>
    public static string Snapshot(string statementVersion) =>
        $"{Heading}\n{Sentence}\n{Label}\n[{Button}]\n{PrivacyLink} (versie {statementVersion})\n";

    public static string Sha256(string snapshot) => Sha256Hex.Of(snapshot);
}
