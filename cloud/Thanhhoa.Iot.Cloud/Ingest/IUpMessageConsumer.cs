using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Cloud.Ingest;

/// <summary>
/// Consumes an up/ topic beyond telemetry, events and state (command results, configuration reports).
/// The pipeline has already checked the topic belongs to the publisher; a payload that breaks the
/// contract throws ContractViolationException and is refused like any other.
/// </summary>
public interface IUpMessageConsumer
{
    /// <summary>The topic kind it consumes, e.g. <see cref="TopicKind.CommandResult"/>.</summary>
    TopicKind Kind { get; }

    Task<IngestOutcome> ConsumeAsync(string deviceId, IngestMessage message, CancellationToken cancellationToken);
}
