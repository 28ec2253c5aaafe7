using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Apis;

namespace Thanhhoa.Iot.Cloud.Tests.Apis;

[TestFixture]
[Category("Unit")]
public sealed class RangeQueryTests
{
    private static readonly DateTimeOffset Now = TestMessages.T0;

    [Test]
    public void TryParse_Nothing_Last24HoursDefaultLimit()
    {
        Assert.That(RangeQuery.TryParse("gw-1", null, null, null, null, Now, out var q, out _), Is.True);
        Assert.That((q.From, q.To, q.Limit, q.Channel), Is.EqualTo((Now.AddHours(-24), Now, RangeQuery.DefaultLimit, (string?)null)));
    }

    [Test]
    public void TryParse_FromAfterTo_ErrorNamesBoth()
    {
        Assert.That(RangeQuery.TryParse("gw-1", null, "2026-11-26T12:00:00Z", "2026-11-26T11:00:00Z", null, Now, out _, out var errors), Is.False);
        Assert.That(errors["from"][0], Is.EqualTo("from (2026-11-26T12:00:00.000Z) is after to (2026-11-26T11:00:00.000Z); swap them or widen the range."));
    }

    [TestCase("yesterday")]
    [TestCase("2026-11-26T11:00:00")]
    public void TryParse_TimeWithoutOffset_Error(string text)
    {
        Assert.That(RangeQuery.TryParse("gw-1", null, text, null, null, Now, out _, out var errors), Is.False);
        Assert.That(errors["from"][0], Does.Contain(text));
    }

    [TestCase(0)]
    [TestCase(10_001)]
    public void TryParse_LimitOutOfRange_Error(int limit)
    {
        Assert.That(RangeQuery.TryParse("gw-1", null, null, null, limit, Now, out _, out var errors), Is.False);
        Assert.That(errors.Keys, Is.EqualTo(new[] { "limit" }));
    }

    [Test]
    public void TryParse_BadChannel_Error()
    {
        Assert.That(RangeQuery.TryParse("gw-1", "Battery V", null, null, null, Now, out _, out var errors), Is.False);
        Assert.That(errors.Keys, Is.EqualTo(new[] { "channel" }));
    }

    [Test]
    public void TryParse_OffsetTimes_ConvertedToUtc()
    {
        Assert.That(RangeQuery.TryParse("gw-1", "battery_v", "2026-11-26T18:00:00+07:00", "2026-11-26T12:00:00Z", 5, Now, out var q, out _), Is.True);
        Assert.That(q.From, Is.EqualTo(new DateTimeOffset(2026, 11, 26, 11, 0, 0, TimeSpan.Zero)));
    }
}
