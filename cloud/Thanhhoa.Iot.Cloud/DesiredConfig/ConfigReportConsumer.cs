using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Cloud.LossLedger;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Cloud.DesiredConfig;

/// <summary>Ingest of <c>up/config-reported</c>: decoded and validated by the contract, then kept beside the desired configuration.</summary>
public sealed class ConfigReportConsumer(DesiredConfigService config, IControlSequenceStore? sequences = null) : IUpMessageConsumer
{
    public TopicKind Kind => TopicKind.ConfigReported;

    public async Task<IngestOutcome> ConsumeAsync(string deviceId, IngestMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var report = PayloadCodec.DecodeConfigReport(message.ContentType, message.Payload.Span);
        await config.RecordReportAsync(deviceId, report, cancellationToken).ConfigureAwait(false);
        if (report.Seq is { } seq && sequences is not null)
        {
            await sequences.RecordAsync(deviceId, seq, cancellationToken).ConfigureAwait(false);
        }

        return IngestOutcome.Stored;
    }
}
