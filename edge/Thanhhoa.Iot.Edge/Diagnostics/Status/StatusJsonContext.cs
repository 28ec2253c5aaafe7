using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Edge.Diagnostics.Status;

/// <summary>Source-generated JSON for <c>status.json</c> (no reflection: works trimmed).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(GatewayStatusDocument))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
