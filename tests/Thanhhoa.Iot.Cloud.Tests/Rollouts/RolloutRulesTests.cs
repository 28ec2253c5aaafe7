using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Rollouts;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.Rollouts;

/// <summary>The pure rules of rollouts: wave cuts, maintenance windows, how firmware reports move a device.</summary>
[TestFixture]
[Category("Unit")]
public sealed class RolloutRulesTests
{
    [TestCase(1000, new[] { 1, 10, 50, 100 }, new[] { 10, 90, 400, 500 })]
    [TestCase(50, new[] { 20, 100 }, new[] { 10, 40 })]
    [TestCase(20, new[] { 1, 10, 50, 100 }, new[] { 1, 1, 8, 10 })]
    [TestCase(3, new[] { 1, 100 }, new[] { 1, 2 })]
    public void Assign_CumulativePercentages_WaveSizesAndAtLeastOneCanary(int devices, int[] waves, int[] expected)
    {
        var assigned = RolloutPlanner.Assign("ro-x", Enumerable.Range(0, devices).Select(i => $"gw-{i}"), waves);
        Assert.That(Enumerable.Range(0, waves.Length).Select(w => assigned.Count(d => d.Wave == w)), Is.EqualTo(expected));
    }

    [Test]
    public void Assign_TwoRollouts_DifferentCanariesSameCutEveryTime()
    {
        var ids = Enumerable.Range(0, 100).Select(i => $"gw-{i}").ToList();
        string[] Canary(string rollout) => RolloutPlanner.Assign(rollout, ids, [5, 100]).Where(d => d.Wave == 0).Select(d => d.DeviceId).ToArray();
        var first = Canary("ro-a");
        Assert.Multiple(() =>
        {
            Assert.That(Canary("ro-a"), Is.EqualTo(first));
            Assert.That(Canary("ro-a"), Is.Not.EquivalentTo(Canary("ro-b")));
        });
    }

    [TestCase("2026-11-26T18:30:00Z", false)] // 01:30 ICT: before the start
    [TestCase("2026-11-26T19:00:00Z", true)] // 02:00 ICT
    [TestCase("2026-11-26T22:00:00Z", false)] // 05:00 ICT: the end is exclusive
    [TestCase("2026-11-26T05:00:00Z", false)] // 12:00 ICT
    public void IsOpen_WindowInHoChiMinhTime_ComparesLocalTime(string utc, bool open)
    {
        var window = new MaintenanceWindow("02:00", "05:00", "Asia/Ho_Chi_Minh");
        Assert.That(window.IsOpen(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(open));
    }

    [TestCase("2026-11-26T16:30:00Z", true)] // 23:30 ICT
    [TestCase("2026-11-26T20:30:00Z", true)] // 03:30 ICT
    [TestCase("2026-11-26T23:30:00Z", false)] // 06:30 ICT
    public void IsOpen_WindowAcrossMidnight_OpenOnBothSides(string utc, bool open) =>
        Assert.That(new MaintenanceWindow("23:00", "04:00").IsOpen(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(open));

    [Test]
    public void Problem_BadTimeOrZone_NamesTheValue()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new MaintenanceWindow("1am", "05:00").Problem(), Does.Contain("'1am'"));
            Assert.That(new MaintenanceWindow("01:00", "05:00", "Asia/Hanoi-ish").Problem(), Does.Contain("'Asia/Hanoi-ish'"));
            Assert.That(new MaintenanceWindow("01:00", "05:00").Problem(), Is.Null);
        });
    }

    [Test]
    public void Apply_ProgressThenRollback_StatesReasonAndFinishedStaysFinished()
    {
        var now = DateTimeOffset.Parse("2026-11-26T19:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var device = new RolloutDevice { RolloutId = "ro-1", DeviceId = "gw-1", ReleasedAt = now };
        var downloading = FirmwareProgress.Apply(device, Report(FirmwareState.Downloading, 100), now)!;
        var installing = FirmwareProgress.Apply(downloading, Report(FirmwareState.Restarting, 456), now)!;
        var rolledBack = FirmwareProgress.Apply(installing, Report(FirmwareState.RolledBack, 456, "health check failed"), now)!;
        Assert.Multiple(() =>
        {
            Assert.That((downloading.State, downloading.Bytes, downloading.Total), Is.EqualTo((RolloutDeviceState.Downloading, (long?)100, (long?)456)));
            Assert.That(installing.State, Is.EqualTo(RolloutDeviceState.Installed));
            Assert.That((rolledBack.State, rolledBack.Reason, rolledBack.Failure), Is.EqualTo((RolloutDeviceState.RolledBack, "rolled-back: health check failed", true)));
            Assert.That(FirmwareProgress.Apply(rolledBack, Report(FirmwareState.Committed, 456), now), Is.Null);
        });
    }

    private static FirmwareReport Report(FirmwareState state, long bytes, string? reason = null) => new()
    {
        Version = ContractInfo.Version, RolloutId = "ro-1", State = state, Running = "1.4.1", Target = "1.4.2", Bytes = bytes, Total = 456, Reason = reason,
        Timestamp = DateTimeOffset.UnixEpoch,
    };
}
