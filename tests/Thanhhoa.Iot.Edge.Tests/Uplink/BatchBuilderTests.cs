using NUnit.Framework;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Edge.Tests.Uplink;

[TestFixture]
[Category("Unit")]
public sealed class BatchBuilderTests
{
    [Test]
    public async Task Next_BadRowInTheMiddle_SendsRowsBeforeItThenIsolatesItAsPoison()
    {
        var outbox = new InMemoryOutboxDouble();
        var builder = new BatchBuilder(outbox, "gw-1", 100, 100);
        Good(outbox);
        outbox.AppendRaw(seq => Row(seq, "battery_v", double.PositiveInfinity));
        Good(outbox);

        var first = builder.Next()!;
        await outbox.AcknowledgeAsync(first.Sequences, default);
        var second = builder.Next()!;
        await outbox.AcknowledgeAsync(second.Sequences, default);
        var third = builder.Next()!;

        Assert.That(first.Sequences, Is.EqualTo(new long[] { 1 }));
        Assert.That(first.IsPoison, Is.False);
        Assert.That(second.IsPoison, Is.True);
        Assert.That(second.Sequences, Is.EqualTo(new long[] { 2 }));
        Assert.That(second.Violation, Does.Contain("$.readings[0].val"));
        Assert.That(third.Sequences, Is.EqualTo(new long[] { 3 }));
    }

    [Test]
    public void Next_BatchOverPayloadLimit_HalvesUntilItFits()
    {
        var outbox = new InMemoryOutboxDouble();
        var longChannel = new string('c', ContractInfo.MaxIdLength);
        for (var i = 0; i < 2000; i++)
        {
            outbox.AppendRaw(seq => Row(seq, longChannel, 12.345678901234));
        }

        var batch = new BatchBuilder(outbox, "gw-1", 100, 2000).Next()!;

        Assert.That(batch.Payload!.Length, Is.LessThanOrEqualTo(ContractInfo.MaxPayloadBytes));
        Assert.That(batch.Sequences, Has.Count.EqualTo(1000));
        Assert.That(JsonCodec.DecodeTelemetry(batch.Payload).SeqTo, Is.EqualTo(1000));
    }

    [Test]
    public void Next_Empty_ReturnsNull()
    {
        Assert.That(new BatchBuilder(new InMemoryOutboxDouble(), "gw-1", 10, 10).Next(), Is.Null);
    }

    private static void Good(InMemoryOutboxDouble outbox) => outbox.AppendRaw(seq => Row(seq, "battery_v", 52.1));

    private static Reading Row(long seq, string channel, double value) =>
        new() { Seq = seq, Channel = channel, Timestamp = DateTimeOffset.UnixEpoch.AddSeconds(seq), Value = value, Quality = Quality.Good };
}
