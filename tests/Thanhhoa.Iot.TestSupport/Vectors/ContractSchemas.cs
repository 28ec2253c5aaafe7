using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.TestSupport.Vectors;

/// <summary>
/// Validates JSON payloads against <c>firmware-contracts/schemas/*.schema.json</c> with JsonSchema.Net 8
/// (draft 2020-12, <c>format</c> asserted), the way a third-party firmware author's tooling would.
/// </summary>
public static class ContractSchemas
{
    private static readonly ConcurrentDictionary<TopicKind, JsonSchema> Cache = new();

    private static readonly EvaluationOptions Options = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    /// <summary>The schema file of a message kind.</summary>
    public static string PathOf(TopicKind message) => Path.Combine(GoldenVectors.SchemasDirectory, message switch
    {
        TopicKind.Telemetry => "telemetry-batch.schema.json",
        TopicKind.Events => "event-batch.schema.json",
        TopicKind.State => "state.schema.json",
        TopicKind.Command => "command.schema.json",
        TopicKind.CommandResult => "command-result.schema.json",
        TopicKind.Config => "config.schema.json",
        TopicKind.ConfigReported => "config-reported.schema.json",
        TopicKind.Firmware => "firmware.schema.json",
        TopicKind.FirmwareReported => "firmware-reported.schema.json",
        _ => throw new ArgumentOutOfRangeException(nameof(message), message, "No JSON Schema for this message."),
    });

    /// <summary>Validates <paramref name="json"/>; a payload that is not JSON at all is invalid too.</summary>
    public static SchemaVerdict Validate(TopicKind message, byte[] json)
    {
        var schema = Cache.GetOrAdd(message, Build);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return new SchemaVerdict(false, [$"not JSON: {ex.Message}"]);
        }

        using (document)
        {
            var result = schema.Evaluate(document.RootElement, Options);
            var errors = (result.Details ?? [])
                .Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
                .ToArray();
            return new SchemaVerdict(result.IsValid, errors);
        }
    }

    /// <summary>Validates a vector's payload against its message's schema.</summary>
    public static SchemaVerdict Validate(GoldenVector vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        return Validate(vector.Message, vector.ReadPayload());
    }

    private static JsonSchema Build(TopicKind message)
    {
        // A registry per schema: the global one refuses a second registration of the same $id.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return JsonSchema.FromText(File.ReadAllText(PathOf(message)), options);
    }
}
