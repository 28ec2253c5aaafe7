using NUnit.Framework;
using Thanhhoa.Iot.Edge.Timekeeping;
using static Thanhhoa.Iot.Edge.Tests.Timekeeping.TimekeepingTestKit;

namespace Thanhhoa.Iot.Edge.Tests.Timekeeping;

[TestFixture]
[Category("Unit")]
public sealed class ClockTrustTests
{
    [Test]
    public void Stamp_NoSourceHasToldTheTime_UntrustedWithOsTime()
    {
        var clock = new SteppableClock(PiBootWall);
        var trust = Trust(clock);
        trust.Refresh();

        var stamp = trust.Stamp(clock.GetUtcNow());

        Assert.Multiple(() =>
        {
            Assert.That(trust.IsTrusted, Is.False);
            Assert.That(stamp.Trusted, Is.False);
            Assert.That(stamp.Timestamp, Is.EqualTo(PiBootWall));
            Assert.That(stamp.BootKey, Is.EqualTo(ClockTrust.KeyOf("boot-a")));
        });
    }

    [Test]
    public void ServerTimeReceived_OsClockNearEpoch_StampsCarryTheServerTime()
    {
        var clock = new SteppableClock(PiBootWall);
        var trust = Trust(clock);
        trust.ServerTimeReceived(Iso(RealTime));
        clock.Advance(TimeSpan.FromMinutes(3));

        var stamp = trust.Stamp(clock.GetUtcNow());

        Assert.Multiple(() =>
        {
            Assert.That(trust.IsTrusted, Is.True);
            Assert.That(trust.TrustEpoch, Is.EqualTo(1));
            Assert.That(stamp.Trusted, Is.True);
            Assert.That(stamp.Timestamp, Is.EqualTo(RealTime.AddMinutes(3)));
        });
    }

    [Test]
    public void ServerTimeReceived_OsClockWithinTolerance_OsTimeKept()
    {
        var clock = new SteppableClock(RealTime);
        var trust = Trust(clock, configure: o => o.Tolerance = TimeSpan.FromSeconds(2));
        trust.ServerTimeReceived(Iso(RealTime.AddMilliseconds(900))); // the CONNACK's network delay

        Assert.That(trust.Stamp(RealTime).Timestamp, Is.EqualTo(RealTime));
    }

    [Test]
    public void ServerTimeReceived_ThenOsClockSetBack_StampsKeepTheTrustedTime()
    {
        var clock = new SteppableClock(PiBootWall);
        var trust = Trust(clock);
        trust.ServerTimeReceived(Iso(RealTime));
        clock.Advance(TimeSpan.FromMinutes(1));
        clock.SetWall(PiBootWall.AddHours(-5));

        Assert.That(trust.Stamp(clock.GetUtcNow()).Timestamp, Is.EqualTo(RealTime.AddMinutes(1)));
    }

    [Test]
    public void Refresh_NtpSynchronized_TrustedWithTheOsClock()
    {
        var clock = new SteppableClock(RealTime);
        var sync = new FakeSyncState();
        var trust = Trust(clock, sync: sync);
        trust.Refresh();
        var before = trust.TrustEpoch;

        sync.Synced = true;
        trust.Refresh();

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.Zero);
            Assert.That(trust.IsTrusted, Is.True);
            Assert.That(trust.TrustEpoch, Is.EqualTo(1));
            Assert.That(trust.Stamp(RealTime), Is.EqualTo(new ClockStamp(RealTime, true, ClockTrust.KeyOf("boot-a"), clock.GetElapsedTime(0, clock.GetTimestamp()).Ticks)));
        });
    }

    [Test]
    public void Correct_RowOfThisBootStoredBeforeTrust_TrustedNowMinusItsMonotonicAge()
    {
        var clock = new SteppableClock(PiBootWall);
        var trust = Trust(clock);
        var stamp = trust.Stamp(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(10));
        trust.ServerTimeReceived(Iso(RealTime));

        Assert.Multiple(() =>
        {
            Assert.That(trust.Correct(stamp.BootKey, stamp.Monotonic), Is.EqualTo(RealTime.AddMinutes(-10)));
            Assert.That(trust.Correct(ClockTrust.KeyOf("an-earlier-boot"), stamp.Monotonic), Is.Null);
        });
    }

    [Test]
    public void Correct_TimeNotTrustedYet_Null()
    {
        var clock = new SteppableClock(PiBootWall);
        var trust = Trust(clock);
        var stamp = trust.Stamp(clock.GetUtcNow());

        Assert.That(trust.Correct(stamp.BootKey, stamp.Monotonic), Is.Null);
    }

    [TestCase("yesterday")]
    [TestCase("12345")]
    [TestCase("")]
    public void ServerTimeReceived_Unreadable_Ignored(string value)
    {
        var trust = Trust(new SteppableClock(PiBootWall));
        trust.ServerTimeReceived(value);

        Assert.That(trust.IsTrusted, Is.False);
    }

    [Test]
    public void ServerTimeReceived_CloudNotAConfiguredSource_Ignored()
    {
        var trust = Trust(new SteppableClock(PiBootWall), configure: o => o.Sources = [TimeSource.Ntp]);
        trust.ServerTimeReceived(Iso(RealTime));

        Assert.That(trust.IsTrusted, Is.False);
    }

    [Test]
    public void IsTrusted_NoSourcesConfigured_AlwaysTrusted()
    {
        var trust = Trust(new SteppableClock(RealTime), configure: o => o.Sources = []);

        Assert.That(trust.Stamp(RealTime), Has.Property(nameof(ClockStamp.Trusted)).True.And.Property(nameof(ClockStamp.Timestamp)).EqualTo(RealTime));
    }

    [Test]
    public async Task WaitForTrustAsync_ServerTimeArrives_Completes()
    {
        var trust = Trust(new SteppableClock(PiBootWall));
        var waiting = trust.WaitForTrustAsync(trust.TrustEpoch, CancellationToken.None);
        Assert.That(waiting.IsCompleted, Is.False);

        trust.ServerTimeReceived(Iso(RealTime));

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Test]
    public void Validate_SourceListedTwice_FailsNamingTheSetting()
    {
        var result = new TimekeepingOptionsValidator().Validate(null, new TimekeepingOptions { Sources = [TimeSource.Ntp, TimeSource.Ntp] });

        Assert.That(result.FailureMessage, Does.Contain("Timekeeping:Sources"));
    }
}
