using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests;

/// <summary>Valid wire messages for tests, encoded by the contract's own codec.</summary>
internal static class TestMessages
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 26, 11, 0, 0, TimeSpan.Zero);

    public static TelemetryBatch Telemetry(long firstSeq, int count, string channel = "battery_v", double value = 48.0) => new()
    {
        Version = 1,
        SeqFrom = firstSeq,
        SeqTo = firstSeq + count - 1,
        Readings = Enumerable.Range(0, count).Select(i => new Reading
        {
            Seq = firstSeq + i,
            Channel = channel,
            Timestamp = T0.AddSeconds(firstSeq + i),
            Value = value + i,
            Quality = Quality.Good,
        }).ToList(),
    };

    public static byte[] TelemetryJson(long firstSeq, int count, string channel = "battery_v", double value = 48.0) =>
        JsonCodec.Encode(Telemetry(firstSeq, count, channel, value));

    public static byte[] EventsJson(long seq, string code = "mains_fail") => JsonCodec.Encode(new EventBatch
    {
        Version = 1,
        SeqFrom = seq,
        SeqTo = seq,
        Events = [new DeviceEvent { Seq = seq, Timestamp = T0.AddSeconds(seq), Code = code, Action = EventAction.Raise, Severity = Severity.Critical, Channel = "mains" }],
    });

    public static byte[] StateJson(LinkState state, long session, string? reason = null) => JsonCodec.Encode(new StateMessage
    {
        Version = 1,
        State = state,
        Session = session,
        Timestamp = T0,
        Firmware = "0.1.0",
        Site = "bts-tho-xuan-01",
        Reason = reason,
    });

    /// <summary>Telemetry whose second reading carries a string where a number belongs: InvalidValue at $.readings[1].val.</summary>
    public static byte[] TelemetryWithBadValue() => System.Text.Encoding.UTF8.GetBytes(
        """{"v":1,"seqFrom":1,"seqTo":2,"readings":[{"seq":1,"ch":"battery_v","ts":"2026-11-26T11:00:01.000Z","val":48.1,"q":"good"},{"seq":2,"ch":"battery_v","ts":"2026-11-26T11:00:02.000Z","val":"high","q":"good"}]}""");
}
