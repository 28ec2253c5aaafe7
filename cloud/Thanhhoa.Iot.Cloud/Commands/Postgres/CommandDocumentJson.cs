using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Cloud.Commands.Postgres;

/// <summary>Source-generated JSON for the <c>commands.doc</c> jsonb column.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(CommandRecord))]
internal sealed partial class CommandDocumentJson : JsonSerializerContext;
