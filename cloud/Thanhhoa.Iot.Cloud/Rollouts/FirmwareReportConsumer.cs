using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>
/// Ingest of <c>up/firmware-reported</c>: decoded and validated by the contract, then applied to the
/// device's entry in the rollout the report names. A report for an unknown rollout is ignored.
/// </summary>
public sealed class FirmwareReportConsumer(IRolloutStore store, TimeProvider time, ILogger<FirmwareReportConsumer> logger) : IUpMessageConsumer
{
    public TopicKind Kind => TopicKind.FirmwareReported;

    public async Task<IngestOutcome> ConsumeAsync(string deviceId, IngestMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var report = PayloadCodec.DecodeFirmwareReport(message.ContentType, message.Payload.Span);
        var now = time.GetUtcNow();
        var updated = await store.UpdateDeviceAsync(report.RolloutId, deviceId, d => FirmwareProgress.Apply(d, report, now), cancellationToken).ConfigureAwait(false);
        if (updated is { Failure: true })
        {
            RolloutsLog.DeviceFailed(logger, deviceId, report.RolloutId, updated.State, updated.Reason ?? string.Empty);
        }

        return updated is null && await store.GetDeviceAsync(report.RolloutId, deviceId, cancellationToken).ConfigureAwait(false) is null
            ? IngestOutcome.Ignored
            : IngestOutcome.Stored;
    }
}
