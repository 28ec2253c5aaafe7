using System.Text.Json;
using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>Source-generated JSON of the stored rollout records (the LiteDB documents keep them as text).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Rollout))]
[JsonSerializable(typeof(RolloutDevice))]
internal sealed partial class RolloutJson : JsonSerializerContext
{
}
