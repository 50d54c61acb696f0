using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace Interoffice.Web.Features.Contact;

/// <summary>
/// A contact form whose antiforgery token no longer holds (the page stood open for days, the browser dropped its
/// cookie) comes back with what the visitor typed and a Dutch explanation, instead of a bare 400 page that loses the
/// message. Nothing is stored; the page carries a fresh token, so sending again works. The site-wide token check
/// refuses the post before model binding, so the form is read here; a body the framework cannot read as a form
/// (a NUL byte) keeps the plain Dutch 400 page.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class GivesExpiredFormBackAttribute : Attribute, IAsyncAlwaysRunResultFilter
{
    public const string Explanation = "Dit formulier was verlopen, daarom is uw bericht nog niet verzonden. Wat u typte staat hieronder nog: verstuur het opnieuw.";

    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        // The token check refused the post before the controller was made: the page is built from the context. Only
        // for a post from the site's own page: another site's post (which never carries the token) must not be able to
        // put words in the visitor's form.
        var request = context.HttpContext.Request;
        if (context.Result is IAntiforgeryValidationFailedResult && request.HasFormContentType && IsFromOwnPage(request))
        {
            try
            {
                var fields = await request.ReadFormAsync(context.HttpContext.RequestAborted);
                if (string.IsNullOrEmpty(fields[nameof(ContactForm.Website)]))
                {
                    context.Result = GiveBack(context, fields);
                }
            }
            catch (InvalidDataException)
            {
                // Not a form the framework reads: the plain 400 stays.
            }
        }

        await next();
    }

    // The browser says where the post came from (Sec-Fetch-Site, or else Origin); a client that says nothing is not a
    // browser on another site's page.
    private static bool IsFromOwnPage(HttpRequest request) =>
        CrossOriginProtection.Allows(request, request.HttpContext.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value.PublicBaseUrl(request));

    private static ViewResult GiveBack(ResultExecutingContext context, IFormCollection fields)
    {
        var services = context.HttpContext.RequestServices;
        var form = new ContactForm
        {
            Kind = fields[nameof(ContactForm.Kind)],
            Name = fields[nameof(ContactForm.Name)],
            Email = fields[nameof(ContactForm.Email)],
            Phone = fields[nameof(ContactForm.Phone)],
            Message = fields[nameof(ContactForm.Message)],
            Start = services.GetRequiredService<FormStamp>().Keep(fields[nameof(ContactForm.Start)]),
        };
        context.ModelState.AddModelError("", Explanation);
        return new ViewResult
        {
            ViewName = "Contact",
            ViewData = new ViewDataDictionary<ContactForm>(services.GetRequiredService<IModelMetadataProvider>(), context.ModelState) { Model = form },
            TempData = services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context.HttpContext),
            StatusCode = StatusCodes.Status400BadRequest,
        };
    }
}
