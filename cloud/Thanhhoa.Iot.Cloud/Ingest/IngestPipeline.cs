using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Cloud.Ingest;

/// <summary>
/// Turns one MQTT message into stored rows and live state: checks the topic belongs to the publisher,
/// decodes by content type (JSON, CBOR, CBOR+deflate), validates, drops duplicates by (device, sequence), stores, updates the
/// registry (for telemetry in the same commit, through <see cref="IReadingsWriter"/>). Used by both broker modes. Never throws for a bad message: refusals are counted, logged
/// and kept in the reject log, and the next message is ingested as usual.
/// </summary>
public sealed class IngestPipeline(
    ITelemetryStore telemetry,
    IDeviceRegistry registry,
    IRejectLog rejects,
    IIngestObserver observer,
    TimeProvider time,
    ILogger<IngestPipeline> logger,
    IEnumerable<IIngestListener>? listeners = null,
    IEnumerable<IUpMessageConsumer>? consumers = null,
    IngestPace? pace = null,
    IReadingsWriter? readingsWriter = null)
{
    private readonly IIngestListener[] _listeners = listeners?.ToArray() ?? [];
    private readonly IUpMessageConsumer[] _consumers = consumers?.ToArray() ?? [];

    private const string UnknownDevice = "unknown";

    public async Task<IngestResult> IngestAsync(IngestMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (CheckTopic(message, out var topic) is { } wrongTopic)
        {
            return await RejectAsync(message, IngestOutcome.WrongTopic, wrongTopic, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await DispatchAsync(message, topic, cancellationToken).ConfigureAwait(false);
        }
        catch (ContractViolationException ex)
        {
            var reject = Reject(message, topic.DeviceId, ex.Reason.ToString(), ex.Field, ex.Detail);
            return await RejectAsync(message, IngestOutcome.Rejected, reject, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new IngestResult(IngestOutcome.Failed);
        }
        catch (Exception ex) when (ex is not ContractViolationException)
        {
            IngestLog.StoreFailed(logger, ex, topic.DeviceId, message.Topic);
            observer.StoreFailed();
            return new IngestResult(IngestOutcome.Failed);
        }
    }

    /// <summary>The broker saw the connection of <paramref name="deviceId"/> end; session is the one its birth named.</summary>
    public async Task MarkDisconnectedAsync(string deviceId, long session, string reason, CancellationToken cancellationToken)
    {
        var update = new LinkUpdate(LinkState.Offline, session, time.GetUtcNow(), reason);
        await ApplyLinkAsync(deviceId, update, cancellationToken).ConfigureAwait(false);
    }

    private RejectRecord? CheckTopic(IngestMessage message, out ParsedTopic topic)
    {
        var publisher = message.PublisherId;
        if (!DeviceTopics.TryParse(message.Topic, out topic))
        {
            topic = new ParsedTopic(publisher ?? UnknownDevice, TopicKind.Telemetry);
            return Reject(message, topic.DeviceId, nameof(RejectReason.WrongTopic), "topic",
                $"topic '{message.Topic}' is outside the scheme {DeviceTopics.Root}/{{deviceId}}/up/{{telemetry|events|state|cmd-result|config-reported}}");
        }

        if (publisher is not null && !string.Equals(publisher, topic.DeviceId, StringComparison.Ordinal))
        {
            var parsed = topic;
            topic = new ParsedTopic(publisher, parsed.Kind);
            return Reject(message, publisher, nameof(RejectReason.WrongTopic), "topic",
                $"device '{publisher}' may publish only under {DeviceTopics.Root}/{publisher}/up/, not on device '{parsed.DeviceId}''s topic");
        }

        if (!topic.IsUp)
        {
            return Reject(message, topic.DeviceId, nameof(RejectReason.WrongTopic), "topic",
                $"'{message.Topic}' is a cloud-to-device topic; a device publishes only under up/");
        }

        return null;
    }

    private Task<IngestResult> DispatchAsync(IngestMessage message, ParsedTopic topic, CancellationToken cancellationToken) => topic.Kind switch
    {
        TopicKind.Telemetry => IngestTelemetryAsync(topic.DeviceId, message, cancellationToken),
        TopicKind.Events => IngestEventsAsync(topic.DeviceId, message, cancellationToken),
        TopicKind.State => IngestStateAsync(topic.DeviceId, message, cancellationToken),
        _ => ConsumeAsync(topic, message, cancellationToken),
    };

    private async Task<IngestResult> ConsumeAsync(ParsedTopic topic, IngestMessage message, CancellationToken cancellationToken)
    {
        var consumer = _consumers.FirstOrDefault(c => c.Kind == topic.Kind);
        return consumer is null
            ? await NotConsumed(topic).ConfigureAwait(false)
            : new IngestResult(await consumer.ConsumeAsync(topic.DeviceId, message, cancellationToken).ConfigureAwait(false));
    }

    private async Task<IngestResult> IngestTelemetryAsync(string deviceId, IngestMessage message, CancellationToken cancellationToken)
    {
        var (rows, now, admitted) = await AdmitTelemetryAsync(deviceId, message, cancellationToken).ConfigureAwait(false);
        using var admission = admitted;
        var (appended, device) = await StoreReadingsAsync(deviceId, rows, now, cancellationToken).ConfigureAwait(false);
        observer.ReadingsAppended(appended.Added, appended.Duplicates);
        foreach (var listener in _listeners)
        {
            await listener.ReadingsStoredAsync(deviceId, rows, device, cancellationToken).ConfigureAwait(false);
        }

        return new IngestResult(appended.Added > 0 ? IngestOutcome.Stored : IngestOutcome.Duplicate);
    }

    /// <summary>
    /// Decodes the batch, waits for the pace's admission, and returns the rows to store. Its own method so the decoded
    /// batch is garbage before the store's commit: with thousands of messages waiting for a group commit, what each
    /// one holds meanwhile is what every garbage collection has to copy.
    /// </summary>
    private async ValueTask<(List<StoredReading> Rows, DateTimeOffset Now, IDisposable? Admitted)> AdmitTelemetryAsync(
        string deviceId, IngestMessage message, CancellationToken cancellationToken)
    {
        var batch = PayloadCodec.DecodeTelemetry(message.ContentType, message.Payload.Span);
        var admitted = pace is null ? null : await pace.AdmitAsync(batch.Readings.Count, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var rows = new List<StoredReading>(batch.Readings.Count);
        foreach (var r in batch.Readings)
        {
            rows.Add(new StoredReading(deviceId, r.Seq, r.Channel, r.Timestamp, r.Value, r.Quality, now, r.TimeQuality));
        }

        return (rows, now, admitted);
    }

    /// <summary>Readings and the registry row in one commit when the store offers it, else append then registry update.</summary>
    private async Task<(AppendResult Appended, DeviceState? Device)> StoreReadingsAsync(
        string deviceId, List<StoredReading> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (readingsWriter is not null)
        {
            var stored = await readingsWriter.StoreReadingsAsync(deviceId, rows, now, cancellationToken).ConfigureAwait(false);
            return (stored.Appended, stored.Device);
        }

        var appended = await telemetry.AppendReadingsAsync(rows, cancellationToken).ConfigureAwait(false);
        await registry.RecordReadingsAsync(deviceId, rows, now, cancellationToken).ConfigureAwait(false);
        return (appended, null);
    }

    private async Task<IngestResult> IngestEventsAsync(string deviceId, IngestMessage message, CancellationToken cancellationToken)
    {
        var batch = PayloadCodec.DecodeEvents(message.ContentType, message.Payload.Span);
        var now = time.GetUtcNow();
        var rows = batch.Events
            .Select(e => new StoredEvent(deviceId, e.Seq, e.Timestamp, e.Code, e.Action, e.Severity, e.Channel, e.Message, e.Values, now, e.TimeQuality))
            .ToList();
        var appended = await telemetry.AppendEventsAsync(rows, cancellationToken).ConfigureAwait(false);
        await registry.TouchAsync(deviceId, now, cancellationToken).ConfigureAwait(false);
        observer.EventsAppended(appended.Added, appended.Duplicates);
        foreach (var listener in _listeners)
        {
            await listener.EventsStoredAsync(deviceId, rows, cancellationToken).ConfigureAwait(false);
        }

        return new IngestResult(appended.Added > 0 ? IngestOutcome.Stored : IngestOutcome.Duplicate);
    }

    private async Task<IngestResult> IngestStateAsync(string deviceId, IngestMessage message, CancellationToken cancellationToken)
    {
        var state = PayloadCodec.DecodeState(message.ContentType, message.Payload.Span);
        var reason = state.State == LinkState.Offline ? state.Reason ?? "offline" : null;
        var update = new LinkUpdate(state.State, state.Session, time.GetUtcNow(), reason, state.Firmware, state.Site);
        var applied = await ApplyLinkAsync(deviceId, update, cancellationToken).ConfigureAwait(false);
        var birth = state.State == LinkState.Online ? state.Session : (long?)null;
        return new IngestResult(applied ? IngestOutcome.Stored : IngestOutcome.Ignored, BirthSession: birth);
    }

    private async Task<bool> ApplyLinkAsync(string deviceId, LinkUpdate update, CancellationToken cancellationToken)
    {
        var applied = await registry.ApplyLinkAsync(deviceId, update, cancellationToken).ConfigureAwait(false);
        var state = update.State == LinkState.Online ? "online" : "offline";
        if (applied)
        {
            IngestLog.LinkChanged(logger, deviceId, state, update.Session, update.Reason is null ? string.Empty : $", {update.Reason}");
            foreach (var listener in _listeners)
            {
                await listener.LinkChangedAsync(deviceId, update, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            IngestLog.StaleLinkIgnored(logger, deviceId, state, update.Session);
        }

        return applied;
    }

    private Task<IngestResult> NotConsumed(ParsedTopic topic)
    {
        IngestLog.NotConsumed(logger, topic.DeviceId, topic.Kind.ToString());
        return Task.FromResult(new IngestResult(IngestOutcome.Ignored));
    }

    private RejectRecord Reject(IngestMessage message, string deviceId, string reason, string field, string detail) =>
        new(deviceId, reason, field, detail, message.Topic, time.GetUtcNow());

    private async Task<IngestResult> RejectAsync(IngestMessage message, IngestOutcome outcome, RejectRecord reject, CancellationToken cancellationToken)
    {
        IngestLog.Rejected(logger, reject.DeviceId, message.Topic, reject.Reason, reject.Field, reject.Detail);
        observer.Rejected(reject.Reason);
        try
        {
            await rejects.RecordAsync(reject, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            IngestLog.RejectLogFailed(logger, ex, reject.DeviceId);
        }

        return new IngestResult(outcome, reject);
    }
}
