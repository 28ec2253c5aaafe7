using System.Text.Json;
using System.Text.Json.Nodes;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Commands;

/// <summary>How a command ended, before it becomes an <c>up/cmd-result</c>.</summary>
public sealed record CommandOutcome(CommandStatus Status, IReadOnlyDictionary<string, JsonElement>? Result, string? Error, string? Message)
{
    public static CommandOutcome Succeeded(JsonObject? result = null, string? message = null) => new(CommandStatus.Succeeded, ToResult(result), null, message);

    public static CommandOutcome Failed(string error, string message) => new(CommandStatus.Failed, null, error, message);

    public static CommandOutcome Expired(string message) => new(CommandStatus.Expired, null, CommandErrors.Expired, message);

    /// <summary>The wire form of a result object (an object of JSON values).</summary>
    public static IReadOnlyDictionary<string, JsonElement>? ToResult(JsonObject? result)
    {
        if (result is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(result.ToJsonString());
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }
}
