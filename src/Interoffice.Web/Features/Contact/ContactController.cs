using Microsoft.AspNetCore.Mvc;

namespace Interoffice.Web.Features.Contact;

public sealed class ContactController : Controller
{
    [HttpGet("/contact")]
    public IActionResult Contact() => View();
}
