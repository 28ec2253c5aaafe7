using System.Text.Json;
using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>Source-generated JSON for what the command service turns into JSON elements.</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, JsonElement>))]
internal sealed partial class CommandJson : JsonSerializerContext
{
}
