namespace Interoffice.Web.Features.Staff;

/// <summary>The actions staff take, as written to the audit log.</summary>
public static class AuditAction
{
    public const string SignIn = "inloggen";
    public const string SignInFailed = "inloggen-mislukt";
    public const string LockedOut = "geblokkeerd";
    public const string SignOut = "uitloggen";
    public const string ViewSubmission = "bericht-bekeken";
    public const string MarkHandled = "bericht-afgehandeld";
    public const string MarkNew = "bericht-heropend";
    public const string DeleteSubmission = "bericht-verwijderd";
    public const string ExportSubmissions = "berichten-geexporteerd";
    public const string SearchSubmissions = "berichten-doorzocht";
    public const string ResendNotification = "melding-opnieuw-verzonden";
    public const string ViewPerson = "persoon-bekeken";
    public const string ExportPerson = "persoon-geexporteerd";
    public const string ErasePerson = "persoon-gewist";
    public const string ViewConsent = "toestemming-bekeken";
    public const string ExportConsent = "toestemmingen-geexporteerd";
    public const string ConsentEvidence = "toestemmingsbewijs-gedownload";
    public const string ExportConsentFigures = "toestemmingscijfers-geexporteerd";
    public const string CreateAccount = "account-aangemaakt";
    public const string DisableAccount = "account-uitgeschakeld";
    public const string ResetPassword = "wachtwoord-hersteld";
    public const string EnableTwoFactor = "tweestaps-aan";
    public const string DisableTwoFactor = "tweestaps-uit";
    public const string NewRecoveryCodes = "herstelcodes-gemaakt";
    public const string SignInRecoveryCode = "inloggen-herstelcode";
    public const string SignInPasskey = "inloggen-passkey";
    public const string AddPasskey = "passkey-toegevoegd";
    public const string RemovePasskey = "passkey-verwijderd";
    public const string ResetTwoFactor = "tweestaps-hersteld";
    public const string CreateNews = "nieuws-aangemaakt";
    public const string EditNews = "nieuws-bewerkt";
    public const string PublishNews = "nieuws-gepubliceerd";
    public const string SendNewsletter = "nieuwsbrief-verzonden";
    public const string TestNewsletter = "nieuwsbrief-proefmail";
    public const string AddSubscriber = "abonnee-aangemeld";
    public const string ExtendDeadline = "termijn-verlengd";
    public const string KeepForAccounts = "bewaren-administratie";
    public const string ReleaseHold = "bewaren-opgeheven";
}
