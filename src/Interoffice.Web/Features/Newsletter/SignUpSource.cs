namespace Interoffice.Web.Features.Newsletter;

/// <summary>How a sign-up came: the visitor's own form, or staff on the person's behalf (who still confirms by mail).</summary>
public enum SignUpSource
{
    Form,
    Staff,
}
