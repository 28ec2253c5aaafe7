using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.Edge.Outbox;

namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>
/// Sends <c>up/firmware-reported</c> through the outbox's priority lane (durable before a restart), with
/// <c>downloading</c> reports at most once per <see cref="FirmwareOptions.ProgressReportInterval"/>.
/// </summary>
public sealed class FirmwareReporter(IOutbox outbox, TimeProvider time, IOptions<FirmwareOptions> options, ILogger<FirmwareReporter> logger)
{
    private const int MaxReason = 500;
    private DateTimeOffset? _lastProgress;

    public async Task ReportAsync(string rolloutId, FirmwareState state, string running, string target, string? reason, CancellationToken cancellationToken)
    {
        if (reason is null)
        {
            FirmwareLog.Step(logger, rolloutId, Wire(state), running, target);
        }
        else
        {
            FirmwareLog.Ended(logger, rolloutId, Wire(state), reason);
        }

        await AppendAsync(new FirmwareReport
        {
            Version = ContractInfo.Version, RolloutId = rolloutId, State = state, Running = running, Target = target,
            Reason = reason is null ? null : Cut(reason), Timestamp = time.GetUtcNow(),
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A <c>downloading</c> report, unless one went out less than the interval ago (the first and the last always go).</summary>
    public async Task ProgressAsync(string rolloutId, string running, string target, long bytes, long total, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (bytes < total && _lastProgress is { } last && now - last < options.Value.ProgressReportInterval)
        {
            return;
        }

        _lastProgress = now;
        await AppendAsync(new FirmwareReport
        {
            Version = ContractInfo.Version, RolloutId = rolloutId, State = FirmwareState.Downloading, Running = running, Target = target,
            Bytes = bytes, Total = total, Timestamp = now,
        }, cancellationToken).ConfigureAwait(false);
    }

    private Task AppendAsync(FirmwareReport report, CancellationToken cancellationToken) =>
        outbox.AppendMessageAsync(new OutboxMessage(TopicKind.FirmwareReported, JsonCodec.Encode(report)), cancellationToken).AsTask();

    private static string Wire(FirmwareState state) => state switch
    {
        FirmwareState.RolledBack => "rolled-back",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static string Cut(string text) => text.Length <= MaxReason ? text : text[..(MaxReason - 3)] + "...";
}
