using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Consent;

public sealed class PolicySnapshotJsonTests
{
    private static readonly JsonSerializerOptions Reflection = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    // The policy version is the hash of these bytes: if the build-time JSON wrote them differently from the reflection
    // that wrote every stored snapshot so far, every visitor would be asked again.
    [Fact]
    public async Task The_policy_version_is_the_hash_of_the_same_json_reflection_writes()
    {
        await using var site = new SiteFactory().WithAllServices();
        var policy = site.Services.GetRequiredService<ConsentPolicyProvider>().Current;

        var reflected = JsonSerializer.Serialize(policy.Snapshot, Reflection);

        Assert.Equal(reflected, policy.Json);
        Assert.Equal(PolicySnapshot.HashOf(reflected), policy.Version);
        Assert.Contains("Privacyverklaring", policy.Json, StringComparison.Ordinal);
    }
}
