using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.Registry;

[TestFixture]
[Category("Unit")]
public sealed class LinkStateRulesTests
{
    private static readonly DateTimeOffset T0 = TestMessages.T0;

    [Test]
    public void Apply_FirstBirth_OnlineInThatSession()
    {
        var next = LinkStateRules.Apply(DeviceState.New("gw-1", T0), Birth(1));
        Assert.That((next!.Online, next.Session, next.StateChangedAt), Is.EqualTo((true, 1L, T0.AddSeconds(1))));
    }

    [Test]
    public void Apply_WillOfOlderSession_Ignored() =>
        Assert.That(LinkStateRules.Apply(Online(3), Death(2)), Is.Null);

    [Test]
    public void Apply_WillOfCurrentSession_Offline()
    {
        var next = LinkStateRules.Apply(Online(3), Death(3, "lost"));
        Assert.That((next!.Online, next.Session, next.OfflineReason), Is.EqualTo((false, 3L, "lost")));
    }

    [Test]
    public void Apply_WillBeforeItsBirth_LateBirthIgnored()
    {
        var afterWill = LinkStateRules.Apply(Online(3), Death(4))!;
        Assert.That(LinkStateRules.Apply(afterWill, Birth(4)), Is.Null, "session 4 already ended; its late birth must not revive it");
    }

    [Test]
    public void Apply_BirthOfNewerSessionWhileOnline_NewSession()
    {
        var next = LinkStateRules.Apply(Online(3), Birth(5));
        Assert.That((next!.Online, next.Session), Is.EqualTo((true, 5L)));
    }

    [Test]
    public void Apply_BirthOfOlderSession_Ignored() =>
        Assert.That(LinkStateRules.Apply(Online(3), Birth(2)), Is.Null);

    [Test]
    public void Apply_RepeatedBirthOfLiveSession_Ignored()
    {
        var current = Online(3) with { Firmware = "1.2", Site = "th-0001" };
        Assert.Multiple(() =>
        {
            Assert.That(LinkStateRules.Apply(current, Birth(3)), Is.Null, "a second copy (redelivered, or given to two ingest groups) changes nothing");
            Assert.That(LinkStateRules.Apply(current, Birth(3) with { Firmware = "1.2", Site = "th-0001" }), Is.Null);
        });
    }

    [Test]
    public void Apply_BirthOfLiveSessionWithNewFirmware_AppliedKeepingStateChangedAt()
    {
        var current = Online(3) with { Firmware = "1.2" };
        var next = LinkStateRules.Apply(current, Birth(3) with { Firmware = "1.3" });
        Assert.That((next!.Firmware, next.StateChangedAt), Is.EqualTo(("1.3", current.StateChangedAt)));
    }

    private static DeviceState Online(long session) =>
        DeviceState.New("gw-1", T0) with { Online = true, Session = session, StateChangedAt = T0 };

    private static LinkUpdate Birth(long session) => new(LinkState.Online, session, T0.AddSeconds(1));

    private static LinkUpdate Death(long session, string reason = "lost") => new(LinkState.Offline, session, T0.AddSeconds(2), reason);
}
