using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
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
        // The token check refused the post before the controller was made: the page is built from the context.
        if (context.Result is IAntiforgeryValidationFailedResult && context.HttpContext.Request.HasFormContentType)
        {
            try
            {
                var fields = await context.HttpContext.Request.ReadFormAsync(context.HttpContext.RequestAborted);
                if (string.IsNullOrEmpty(fields["Website"]))
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

    private static ViewResult GiveBack(ResultExecutingContext context, IFormCollection fields)
    {
        var services = context.HttpContext.RequestServices;
        var stamp = services.GetRequiredService<FormStamp>();
        var start = fields["Start"].ToString();
        var form = new ContactForm
        {
            Kind = fields["Kind"],
            Name = fields["Name"],
            Email = fields["Email"],
            Phone = fields["Phone"],
            Message = fields["Message"],

            // The first moment the form was shown still counts, so sending again at once is not taken for a bot.
            Start = stamp.IsGenuine(start) ? start : stamp.Issue(),
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
