using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>Source-generated JSON for the jsonb columns (event values, a device's latest channel values).</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, double>))]
[JsonSerializable(typeof(Dictionary<string, double>))]
internal sealed partial class PostgresJsonContext : JsonSerializerContext;
