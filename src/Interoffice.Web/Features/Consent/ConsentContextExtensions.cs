namespace Interoffice.Web.Features.Consent;

public static class ConsentContextExtensions
{
    /// <summary>The request's consent, as <see cref="ConsentMiddleware"/> resolved it (every request that renders passes it).</summary>
    public static ConsentContext Consent(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<ConsentContext>()
            ?? throw new InvalidOperationException("The consent of this request was not resolved: ConsentMiddleware must run before anything renders.");
    }
}
