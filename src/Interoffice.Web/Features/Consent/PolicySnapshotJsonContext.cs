using System.Text.Json;
using System.Text.Json.Serialization;

namespace Interoffice.Web.Features.Consent;

/// <summary>The snapshot's JSON metadata made at build time: the first page need not reflect over it (docs/measuring.md).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PolicySnapshot))]
internal sealed partial class PolicySnapshotJsonContext : JsonSerializerContext;
