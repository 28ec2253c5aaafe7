using System.Text.Json;
using Microsoft.Extensions.Logging;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.Edge.Outbox;

namespace Thanhhoa.Iot.Edge.Configuration;

/// <summary>
/// Takes a <c>down/config</c> document: validates the whole of it (contract, then site profile), applies
/// all of it or nothing, and answers on <c>up/config-reported</c> through the outbox with the applied
/// version or the first refused field and why. The same revision arriving again (retained copy after a
/// reconnect) is answered once per start.
/// </summary>
internal sealed class DesiredConfigReceiver(
    DesiredConfigApplier applier,
    LocalConfigFacts facts,
    IOutbox outbox,
    TimeProvider time,
    ILogger<DesiredConfigReceiver> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long? _answered;

    public async Task ReceiveAsync(ReadOnlyMemory<byte> payload, string? contentType, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await DecideAsync(payload, contentType, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DecideAsync(ReadOnlyMemory<byte> payload, string? contentType, CancellationToken cancellationToken)
    {
        DesiredConfigMessage config;
        try
        {
            config = PayloadCodec.DecodeConfig(contentType, payload.Span);
        }
        catch (ContractViolationException ex)
        {
            await RefuseUnreadableAsync(payload, ex, cancellationToken).ConfigureAwait(false);
            return;
        }

        var version = config.ConfigVersion;
        if (version == _answered)
        {
            ConfigurationLog.AlreadyAnswered(logger, version);
            return;
        }

        if (version != applier.Holder.Current.Version && DesiredConfigValidator.Validate(config, facts) is { } refusal)
        {
            await RefuseAsync(version, refusal, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (version != applier.Holder.Current.Version)
        {
            applier.Apply(config, payload.ToArray());
            ConfigurationLog.Applied(logger, version);
        }

        await ReportAsync(new ConfigReport
        {
            Version = ContractInfo.Version, ConfigVersion = version, Status = ConfigReportStatus.Applied,
            Timestamp = time.GetUtcNow(), AppliedVersion = version,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task RefuseAsync(long version, ConfigRefusal refusal, CancellationToken cancellationToken)
    {
        var inForce = applier.Holder.Current.Version;
        ConfigurationLog.Refused(logger, version, refusal.Field, refusal.Reason, inForce?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(site profile)");
        await ReportAsync(new ConfigReport
        {
            Version = ContractInfo.Version, ConfigVersion = version, Status = ConfigReportStatus.Refused,
            Timestamp = time.GetUtcNow(), AppliedVersion = inForce, Field = Cut(refusal.Field, 200), Reason = Cut(refusal.Reason, 500),
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task RefuseUnreadableAsync(ReadOnlyMemory<byte> payload, ContractViolationException ex, CancellationToken cancellationToken)
    {
        if (VersionOf(payload) is not { } version)
        {
            ConfigurationLog.Unreadable(logger, ex.Message);
            return;
        }

        await RefuseAsync(version, new ConfigRefusal(ex.Field, $"{ex.Reason}: {ex.Detail}"), cancellationToken).ConfigureAwait(false);
    }

    private async Task ReportAsync(ConfigReport report, CancellationToken cancellationToken)
    {
        await outbox.AppendMessageAsync(new OutboxMessage(TopicKind.ConfigReported, JsonCodec.Encode(report)), cancellationToken).ConfigureAwait(false);
        _answered = report.ConfigVersion;
    }

    public void Dispose() => _gate.Dispose();

    private static long? VersionOf(ReadOnlyMemory<byte> payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("version", out var v)
                && v.TryGetInt64(out var version) && version >= 1
                ? version
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 3)] + "...";
}
