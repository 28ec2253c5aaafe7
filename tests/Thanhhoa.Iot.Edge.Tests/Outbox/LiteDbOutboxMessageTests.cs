using System.Text;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.TestSupport;
using static Thanhhoa.Iot.Edge.Tests.Outbox.OutboxTestFactory;

namespace Thanhhoa.Iot.Edge.Tests.Outbox;

/// <summary>The priority lane for command results and configuration reports.</summary>
[TestFixture]
[Category("Integration")]
public sealed class LiteDbOutboxMessageTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("thiot-outbox-msg");

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private static OutboxMessage Result(string id) =>
        new(TopicKind.CommandResult, Encoding.UTF8.GetBytes($$"""{"v":1,"id":"{{id}}","status":"succeeded","ts":"2026-11-26T04:00:00.000Z"}"""));

    [Test]
    public async Task AppendMessageAsync_ThenReopened_StillPendingWithItsSequenceKindAndPayload()
    {
        long seq;
        using (var outbox = Create(Options(_dir.Path)))
        {
            await outbox.AppendReadingsAsync(Readings(2), CancellationToken.None);
            seq = await outbox.AppendMessageAsync(Result("c-1"), CancellationToken.None);
        }

        using var reopened = Create(Options(_dir.Path));
        var pending = reopened.PeekMessages(10);
        Assert.Multiple(() =>
        {
            Assert.That(seq, Is.EqualTo(3), "one sequence space with readings");
            Assert.That(pending.Select(m => (m.Seq, m.Kind)), Is.EqualTo(new[] { (3L, TopicKind.CommandResult) }));
            Assert.That(pending[0].Payload, Is.EqualTo(Result("c-1").Payload));
            Assert.That(reopened.GetStatus().PendingMessages, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task AcknowledgeAsync_MixedSequences_RemovesMessagesReadingsAndEvents()
    {
        using var outbox = Create(Options(_dir.Path));
        var readings = await outbox.AppendReadingsAsync(Readings(2), CancellationToken.None);
        var message = await outbox.AppendMessageAsync(Result("c-1"), CancellationToken.None);
        var report = await outbox.AppendMessageAsync(new OutboxMessage(TopicKind.ConfigReported, [(byte)'{', (byte)'}']), CancellationToken.None);

        await outbox.AcknowledgeAsync([readings[0], message], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outbox.PeekMessages(10).Select(m => m.Seq), Is.EqualTo(new[] { report }));
            Assert.That(outbox.PeekReadings(10).Select(r => r.Seq), Is.EqualTo(new[] { readings[1] }));
            Assert.That(outbox.GetStatus().PendingMessages, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task WaitForPriorityAsync_OnlyReadingsPending_CompletesWhenAMessageIsDurable()
    {
        using var outbox = Create(Options(_dir.Path));
        await outbox.AppendReadingsAsync(Readings(3), CancellationToken.None);
        var waiting = outbox.WaitForPriorityAsync(CancellationToken.None);
        Assert.That(waiting.IsCompleted, Is.False, "readings alone are not priority work");

        await outbox.AppendMessageAsync(Result("c-2"), CancellationToken.None);
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(outbox.WaitForPriorityAsync(CancellationToken.None).IsCompleted, Is.True);
    }

    [Test]
    public void AppendMessageAsync_TelemetryKind_RefusedBeforeItGetsASequence()
    {
        using var outbox = Create(Options(_dir.Path));
        var ex = Assert.ThrowsAsync<ArgumentException>(async () => await outbox.AppendMessageAsync(new OutboxMessage(TopicKind.Telemetry, [1]), CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("up/cmd-result, up/config-reported or up/firmware-reported"));
        Assert.That(outbox.GetStatus().LastSequence, Is.Zero);
    }

    [Test]
    public async Task Quota_FullOfReadings_DropsReadingsNeverMessages()
    {
        using var outbox = Create(Options(_dir.Path, quotaBytes: 1024 * 1024));
        var message = await outbox.AppendMessageAsync(Result("c-3"), CancellationToken.None);
        for (var i = 0; i < 40; i++)
        {
            await outbox.AppendReadingsAsync(Readings(500, i * 500), CancellationToken.None);
        }

        Assert.Multiple(() =>
        {
            Assert.That(outbox.GetStatus().DroppedReadings, Is.GreaterThan(0), "the quota must have been reached");
            Assert.That(outbox.PeekMessages(10).Select(m => m.Seq), Is.EqualTo(new[] { message }));
        });
    }
}
