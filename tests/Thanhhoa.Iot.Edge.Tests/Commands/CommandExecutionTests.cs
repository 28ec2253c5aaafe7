using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Commands;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Commands;

/// <summary>At most once, validity window, unknown types and timeouts, on the real journal and outbox.</summary>
[TestFixture]
[Category("Integration")]
public sealed class CommandExecutionTests
{
    private TempDirectory _dir = null!;
    private FakeTimeProvider _time = null!;
    private ExecutionCounter _runs = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory("gw-commands");
        _time = new FakeTimeProvider(CommandGatewayHarness.Start);
        _runs = new ExecutionCounter();
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public async Task Deliver_Ping_SucceedsWithPongThroughTheOutbox()
    {
        await using var gw = await StartAsync();
        await gw.DeliverAsync(CommandGatewayHarness.Command("c-ping", "ping"));

        var result = await gw.NextResultAsync();
        Assert.Multiple(() =>
        {
            Assert.That((result.Id, result.Status), Is.EqualTo(("c-ping", CommandStatus.Succeeded)));
            Assert.That(result.Result!["pong"].GetBoolean(), Is.True);
            Assert.That(result.Error, Is.Null);
        });
    }

    [Test]
    public async Task Deliver_SameCommandTwice_ExecutesOnceAndAnswersOnce()
    {
        await using var gw = await StartAsync(new BlockingCommand(_runs));
        var command = CommandGatewayHarness.Command("c-dup", BlockingCommand.TypeName);

        await gw.DeliverAsync(command);
        await gw.DeliverAsync(command); // a QoS 1 redelivery (DUP) or the cloud's re-publish at birth
        var result = await gw.NextResultAsync();
        await gw.DeliverAsync(command); // again after it finished

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(CommandStatus.Succeeded));
            Assert.That(_runs.Ids, Is.EqualTo(new[] { "c-dup" }));
            Assert.That(gw.Outbox.PeekMessages(10), Is.Empty, "one result only");
        });
    }

    [Test]
    public async Task Deliver_AfterExpiry_ReportedExpiredAndNeverExecuted()
    {
        await using var gw = await StartAsync(new BlockingCommand(_runs));
        _time.Advance(TimeSpan.FromHours(2));
        await gw.DeliverAsync(CommandGatewayHarness.Command("c-late", BlockingCommand.TypeName, validFor: TimeSpan.FromHours(1)));

        var result = await gw.NextResultAsync();
        Assert.Multiple(() =>
        {
            Assert.That((result.Status, result.Error), Is.EqualTo((CommandStatus.Expired, CommandErrors.Expired)));
            Assert.That(result.Message, Does.Contain("expired at 2026-11-26T05:00:00.000Z"));
            Assert.That(_runs.Ids, Is.Empty);
        });
    }

    [Test]
    public async Task Deliver_BeforeNotBeyondClockTolerance_FailedNotYetValidAndNeverExecuted()
    {
        await using var gw = await StartAsync(new BlockingCommand(_runs));
        var command = CommandGatewayHarness.Command("c-early", BlockingCommand.TypeName, notBefore: CommandGatewayHarness.Start.AddMinutes(10));
        await gw.DeliverAsync(command);

        var result = await gw.NextResultAsync();
        Assert.Multiple(() =>
        {
            Assert.That((result.Status, result.Error), Is.EqualTo((CommandStatus.Failed, CommandErrors.NotYetValid)));
            Assert.That(_runs.Ids, Is.Empty);
        });
    }

    [Test]
    public async Task Deliver_UnknownType_FailedNamingTheKnownTypes()
    {
        await using var gw = await StartAsync();
        await gw.DeliverAsync(CommandGatewayHarness.Command("c-x", "self-destruct"));

        var result = await gw.NextResultAsync();
        Assert.That((result.Status, result.Error), Is.EqualTo((CommandStatus.Failed, CommandErrors.UnknownType)));
        Assert.That(result.Message, Does.Contain("ping").And.Contain("set-output"));
    }

    [Test]
    public async Task Deliver_PayloadBreakingTheContract_FailedInvalidArgsByItsId()
    {
        await using var gw = await StartAsync();
        var payload = """{"v":1,"id":"c-bad","type":"ping","ts":"2026-11-26T04:00:00.000Z"}"""u8.ToArray();
        await gw.Receiver.ReceiveAsync(payload, "application/json", CancellationToken.None);

        var result = await gw.NextResultAsync();
        Assert.That((result.Id, result.Status, result.Error), Is.EqualTo(("c-bad", CommandStatus.Failed, CommandErrors.InvalidArgs)));
        Assert.That(result.Message, Does.Contain("$.expires"));
    }

    [Test]
    public async Task Execute_LongerThanTheTimeout_FailedTimeout()
    {
        var blocking = new BlockingCommand(_runs, block: true);
        await using var gw = await StartAsync(blocking);
        await gw.DeliverAsync(CommandGatewayHarness.Command("c-slow", BlockingCommand.TypeName));
        await blocking.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));

        _time.Advance(TimeSpan.FromSeconds(61));
        var result = await gw.NextResultAsync();
        Assert.That((result.Status, result.Error), Is.EqualTo((CommandStatus.Failed, CommandErrors.Timeout)));
    }

    [Test]
    public async Task Restart_WhileACommandRuns_ReportedInterruptedAndNeverRunAgain()
    {
        var blocking = new BlockingCommand(_runs, block: true);
        var command = CommandGatewayHarness.Command("c-mid", BlockingCommand.TypeName);
        await using (var first = await StartAsync(blocking))
        {
            await first.DeliverAsync(command);
            await blocking.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        } // the gateway stops (or dies) mid-command

        await using var second = await StartAsync(new BlockingCommand(_runs));
        var result = await second.NextResultAsync();
        await second.DeliverAsync(command); // the broker or the cloud delivers it again after the restart

        Assert.Multiple(() =>
        {
            Assert.That((result.Id, result.Status, result.Error), Is.EqualTo(("c-mid", CommandStatus.Failed, CommandErrors.Interrupted)));
            Assert.That(_runs.Ids, Is.EqualTo(new[] { "c-mid" }), "executed exactly once across the restart");
            Assert.That(second.Outbox.PeekMessages(10), Is.Empty);
        });
    }

    [Test]
    public async Task Restart_CommandQueuedBehindARunningOne_RunsOnceAfterTheRestart()
    {
        var blocking = new BlockingCommand(_runs, block: true);
        await using (var first = await StartAsync(blocking))
        {
            await first.DeliverAsync(CommandGatewayHarness.Command("c-a", BlockingCommand.TypeName));
            await blocking.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));
            await first.DeliverAsync(CommandGatewayHarness.Command("c-b", BlockingCommand.TypeName)); // acknowledged, waits in the queue
        }

        await using var second = await StartAsync(new BlockingCommand(_runs));
        var results = new[] { await second.NextResultAsync(), await second.NextResultAsync() };
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => (r.Id, r.Status)), Is.EqualTo(new[] { ("c-a", CommandStatus.Failed), ("c-b", CommandStatus.Succeeded) }));
            Assert.That(_runs.Ids, Is.EqualTo(new[] { "c-a", "c-b" }));
        });
    }

    [Test]
    public async Task Restart_ResultNotYetInTheOutbox_ReportedAfterTheRestart()
    {
        var command = CommandGatewayHarness.Command("c-done", BlockingCommand.TypeName);
        await using (var first = await StartAsync(new BlockingCommand(_runs)))
        {
            await first.DeliverAsync(command);
            _ = await first.NextResultAsync(); // delivered and acknowledged by the broker
        }

        await using var second = await StartAsync(new BlockingCommand(_runs));
        await second.DeliverAsync(command);
        Assert.That(second.Outbox.PeekMessages(10), Is.Empty, "a finished command is remembered across restarts");
        Assert.That(_runs.Ids, Has.Count.EqualTo(1));
    }

    private async Task<CommandGatewayHarness> StartAsync(ICommandHandler? handler = null)
    {
        var gw = new CommandGatewayHarness(_dir.Path, _time, s =>
        {
            if (handler is not null)
            {
                s.AddSingleton(handler);
            }
        });
        await gw.StartAsync();
        return gw;
    }
}
