namespace Interoffice.Web.Infrastructure.Email;

/// <summary>The mail server answered this one message with a refusal: permanent (5xx) or for now (4xx).</summary>
public sealed class MailRefusedException(int statusCode, string answer, Exception? inner = null)
    : Exception($"{statusCode} {answer}".Trim(), inner)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>A 5xx answer: sending it again will not help.</summary>
    public bool IsPermanent => StatusCode >= 500;
}
