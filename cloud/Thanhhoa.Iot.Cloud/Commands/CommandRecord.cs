using System.Text.Json;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>One command to one gateway, with its lifecycle and the gateway's answer.</summary>
public sealed record CommandRecord
{
    public required string Id { get; init; }

    public required string DeviceId { get; init; }

    public required string Type { get; init; }

    /// <summary>The arguments as sent (a JSON object), or null.</summary>
    public JsonElement? Arguments { get; init; }

    /// <summary>Shared by the commands one request created for a group of devices.</summary>
    public string? BatchId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? NotBefore { get; init; }

    public required DateTimeOffset Expires { get; init; }

    public CommandState Status { get; init; }

    /// <summary>When it was last published to the broker, and how often (re-sent when the gateway comes back).</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    public int Publishes { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>When it reached its final state (succeeded, failed, expired, cancelled).</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The gateway's own verdict, as it reported it (also for a late result).</summary>
    public CommandStatus? ResultStatus { get; init; }

    /// <summary>What the gateway returned (a JSON object), or null.</summary>
    public JsonElement? Result { get; init; }

    /// <summary>The gateway's error code (interlock, expired, unknown-type, ...), or null.</summary>
    public string? Error { get; init; }

    /// <summary>The gateway's message for a person, or null.</summary>
    public string? Message { get; init; }

    /// <summary>When the gateway finished it, by the gateway's clock.</summary>
    public DateTimeOffset? ResultAt { get; init; }

    /// <summary>When the result reached the cloud.</summary>
    public DateTimeOffset? ResultReceivedAt { get; init; }

    /// <summary>True when the gateway ran it but its result arrived after the cloud had already expired or cancelled it.</summary>
    public bool Late { get; init; }

    public bool IsFinal => Status is CommandState.Succeeded or CommandState.Failed or CommandState.Expired or CommandState.Cancelled;
}
