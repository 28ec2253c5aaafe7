using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Contracts.Firmware;

/// <summary>Source-generated serialisation of <see cref="BundleManifest"/> (closed: unknown fields are refused).</summary>
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(BundleManifest))]
public sealed partial class BundleJsonContext : JsonSerializerContext
{
}
