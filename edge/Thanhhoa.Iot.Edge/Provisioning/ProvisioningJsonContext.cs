using System.Text.Json;
using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Edge.Provisioning;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ProvisionRequestBody))]
[JsonSerializable(typeof(ProvisionReply))]
[JsonSerializable(typeof(ProvisionProblem))]
internal sealed partial class ProvisioningJsonContext : JsonSerializerContext;
