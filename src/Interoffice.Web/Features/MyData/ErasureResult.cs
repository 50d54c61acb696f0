using Interoffice.Web.Features.Contact;

namespace Interoffice.Web.Features.MyData;

/// <summary>What an erasure removed, and what it kept because the law says so (submissions kept for the accounts).</summary>
public sealed record ErasureResult(int Erased, bool Newsletter, IReadOnlyList<ContactSubmission> Kept);
