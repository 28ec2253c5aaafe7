using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Budget;
using Thanhhoa.Iot.Edge.Diagnostics;
using Thanhhoa.Iot.Edge.Diagnostics.Status;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Tests.Uplink;
using Thanhhoa.Iot.Edge.Uplink;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Diagnostics;

[TestFixture]
[Category("Integration")]
public sealed class StatusFileWriterTests
{
    [Test]
    public async Task Start_Always_WritesRunningStatusWithIdentityLinkAndOutbox()
    {
        using var dir = new TempDirectory("thgw-status");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var link = new UplinkStatus();
        link.Connecting(3);
        link.Connected();
        using var writer = Writer(dir.Path, time, link);

        await writer.StartAsync(CancellationToken.None);
        var status = StatusFile.TryRead(StatusFile.PathIn(dir.Path), out var error);

        Assert.That(status, Is.Not.Null, error);
        Assert.That(status!.DeviceId, Is.EqualTo("bts-th-0001"));
        Assert.That(status.Broker, Is.EqualTo("10.0.0.5:8883"));
        Assert.That(status.Link.Connected, Is.True);
        Assert.That(status.Link.Session, Is.EqualTo(3));
        Assert.That(status.Outbox, Is.Not.Null);
        Assert.That(status.IsFresh(time.GetUtcNow()), Is.True);
        Assert.That(status.IsFresh(time.GetUtcNow() + TimeSpan.FromMinutes(2)), Is.False, "three missed rewrites make it stale");
        await writer.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task Start_GatewayWithADataBudget_WritesItsUseForThgwStatus()
    {
        using var dir = new TempDirectory("thgw-status");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var gateway = new GatewayOptions { DeviceId = "bts-th-0001", DataDirectory = dir.Path };
        var uplink = new UplinkOptions { Host = "10.0.0.5", Port = 8883, UseTls = true };
        var budget = new DataBudget(Options.Create(new BudgetOptions { DailyBytes = 60_000, MonthlyBytes = 1_500_000 }), Options.Create(gateway), Options.Create(uplink), time);
        budget.Record(12_345);
        using var writer = new StatusFileWriter(Options.Create(gateway), Options.Create(uplink), Options.Create(new DiagnosticsOptions()), new UplinkStatus(),
            new InMemoryOutboxDouble(), time, new TestContextLogger<StatusFileWriter>(), budget);

        await writer.StartAsync(CancellationToken.None);
        var status = StatusFile.TryRead(StatusFile.PathIn(dir.Path), out var error);
        await writer.StopAsync(CancellationToken.None);

        Assert.That(status?.Budget, Is.Not.Null, error);
        Assert.That((status!.Budget!.UsedToday, status.Budget.DailyBytes, status.Budget.MonthlyBytes), Is.EqualTo((12_345L, 60_000L, 1_500_000L)));
    }

    [Test]
    public async Task Stop_AfterStart_WritesStoppedStatus()
    {
        using var dir = new TempDirectory("thgw-status");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        using var writer = Writer(dir.Path, time, new UplinkStatus());
        await writer.StartAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(3));

        await writer.StopAsync(CancellationToken.None);
        var status = StatusFile.TryRead(StatusFile.PathIn(dir.Path), out _);

        Assert.That(status!.Running, Is.False);
        Assert.That(status.WrittenAt, Is.EqualTo(time.GetUtcNow()));
        Assert.That(status.IsFresh(time.GetUtcNow()), Is.False);
    }

    [Test]
    public async Task Start_DataDirectoryMissing_KeepsRunningWithoutAFile()
    {
        using var dir = new TempDirectory("thgw-status");
        var missing = Path.Combine(dir.Path, "missing");
        using var writer = Writer(missing, new FakeTimeProvider(), new UplinkStatus());

        await writer.StartAsync(CancellationToken.None);

        Assert.That(writer.ExecuteTask!.IsFaulted, Is.False);
        Assert.That(File.Exists(StatusFile.PathIn(missing)), Is.False);
        await writer.StopAsync(CancellationToken.None);
    }

    private static StatusFileWriter Writer(string dataDirectory, TimeProvider time, UplinkStatus link) => new(
        Options.Create(new GatewayOptions { DeviceId = "bts-th-0001", DataDirectory = dataDirectory }),
        Options.Create(new UplinkOptions { Host = "10.0.0.5", Port = 8883, UseTls = true }),
        Options.Create(new DiagnosticsOptions()),
        link,
        new InMemoryOutboxDouble(),
        time,
        new TestContextLogger<StatusFileWriter>());
}
