using Interoffice.Web.Features.Contact;

namespace Interoffice.Web.Features.MyData;

/// <summary>After an erasure: what was kept by law and until when, and the request staff now handle about it.</summary>
public sealed record ErasedPage(IReadOnlyList<ContactSubmission> Kept, ContactSubmission? Request);
