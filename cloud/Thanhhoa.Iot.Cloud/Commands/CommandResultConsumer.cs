using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Cloud.LossLedger;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>Ingest of <c>up/cmd-result</c>: decoded and validated by the contract, then recorded on its command.</summary>
public sealed class CommandResultConsumer(CommandService commands, IControlSequenceStore? sequences = null) : IUpMessageConsumer
{
    public TopicKind Kind => TopicKind.CommandResult;

    public async Task<IngestOutcome> ConsumeAsync(string deviceId, IngestMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var result = PayloadCodec.DecodeCommandResult(message.ContentType, message.Payload.Span);
        var outcome = await commands.RecordResultAsync(deviceId, result, cancellationToken).ConfigureAwait(false);
        if (result.Seq is { } seq && sequences is not null)
        {
            await sequences.RecordAsync(deviceId, seq, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }
}
