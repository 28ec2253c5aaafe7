using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.Edge.Outbox;

namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>
/// Takes the next batch from the outbox, control messages before events before readings, oldest
/// first, and encodes it.
/// A batch over the payload limit is halved; a row that breaks the contract is isolated so it
/// alone is dropped instead of blocking the queue forever.
/// </summary>
internal sealed class BatchBuilder
{
    private readonly IOutbox _outbox;
    private readonly string _eventsTopic;
    private readonly string _telemetryTopic;
    private readonly string _deviceId;
    private readonly int _eventsPerBatch;
    private readonly int _readingsPerBatch;
    private readonly PayloadEncoding _encoding;
    private readonly string _contentType;

    public BatchBuilder(IOutbox outbox, string deviceId, int eventsPerBatch, int readingsPerBatch, PayloadEncoding encoding = PayloadEncoding.Json)
    {
        _encoding = encoding;
        _contentType = PayloadCodec.ContentTypeOf(encoding);
        _outbox = outbox;
        _deviceId = deviceId;
        _eventsTopic = DeviceTopics.For(deviceId, TopicKind.Events);
        _telemetryTopic = DeviceTopics.For(deviceId, TopicKind.Telemetry);
        _eventsPerBatch = eventsPerBatch;
        _readingsPerBatch = readingsPerBatch;
    }

    /// <summary>The next batch to send, or null when the outbox is empty.</summary>
    public UplinkBatch? Next() => NextPriority() ?? NextTelemetry();

    /// <summary>The oldest control message (one per PUBLISH), else the oldest events; null when there are none.</summary>
    public UplinkBatch? NextPriority()
    {
        var messages = _outbox.PeekMessages(1);
        if (messages.Count > 0)
        {
            var m = messages[0];
            return new UplinkBatch(m.Kind, DeviceTopics.For(_deviceId, m.Kind), ControlSequenceStamp.Apply(m.Kind, m.Payload, m.Seq), [m.Seq], null);
        }

        var events = _outbox.PeekEvents(_eventsPerBatch);
        return events.Count > 0 ? Build(TopicKind.Events, _eventsTopic, events, static e => e.Seq, EncodeEvents) with { ContentType = _contentType } : null;
    }

    /// <summary>The oldest readings as one telemetry batch; null when there are none.</summary>
    public UplinkBatch? NextTelemetry()
    {
        var readings = _outbox.PeekReadings(_readingsPerBatch);
        return readings.Count > 0
            ? Build(TopicKind.Telemetry, _telemetryTopic, readings, static r => r.Seq, EncodeReadings) with { ContentType = _contentType }
            : null;
    }

    private byte[] EncodeEvents(IReadOnlyList<DeviceEvent> events) => PayloadCodec.Encode(
        new EventBatch
        {
            Version = ContractInfo.Version,
            SeqFrom = events[0].Seq,
            SeqTo = events[^1].Seq,
            Events = events,
        },
        _encoding);

    private byte[] EncodeReadings(IReadOnlyList<Reading> readings) => PayloadCodec.Encode(
        new TelemetryBatch
        {
            Version = ContractInfo.Version,
            SeqFrom = readings[0].Seq,
            SeqTo = readings[^1].Seq,
            Readings = readings,
        },
        _encoding);

    private static UplinkBatch Build<T>(
        TopicKind kind, string topic, IReadOnlyList<T> peeked, Func<T, long> seqOf, Func<IReadOnlyList<T>, byte[]> encode)
    {
        // The outbox promises ascending, unique sequences; a slip there must not turn into a rejected batch.
        IReadOnlyList<T> items = peeked.DistinctBy(seqOf).OrderBy(seqOf).ToList();
        while (true)
        {
            var result = TryEncode(items, encode, out var payload);
            if (result is null)
            {
                if (payload!.Length <= ContractInfo.MaxPayloadBytes)
                {
                    return new UplinkBatch(kind, topic, payload, items.Select(seqOf).ToList(), null);
                }

                if (items.Count == 1)
                {
                    return Poison(kind, topic, items, seqOf, $"one row encodes to {payload.Length} bytes; the limit is {ContractInfo.MaxPayloadBytes}");
                }

                items = items.Take(items.Count / 2).ToList();
                continue;
            }

            var bad = FirstInvalid(items, encode);
            if (bad == 0 || items.Count == 1)
            {
                return Poison(kind, topic, items, seqOf, result);
            }

            // Send the good rows before the bad one; if no row fails alone, fall back to one at a time.
            items = items.Take(bad > 0 ? bad : 1).ToList();
        }
    }

    private static string? TryEncode<T>(IReadOnlyList<T> items, Func<IReadOnlyList<T>, byte[]> encode, out byte[]? payload)
    {
        try
        {
            payload = encode(items);
            return null;
        }
        catch (ContractViolationException ex)
        {
            payload = null;
            return ex.Message;
        }
    }

    private static int FirstInvalid<T>(IReadOnlyList<T> items, Func<IReadOnlyList<T>, byte[]> encode)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (TryEncode([items[i]], encode, out _) is not null)
            {
                return i;
            }
        }

        return -1;
    }

    private static UplinkBatch Poison<T>(TopicKind kind, string topic, IReadOnlyList<T> items, Func<T, long> seqOf, string violation) =>
        new(kind, topic, null, [seqOf(items[0])], violation);
}
