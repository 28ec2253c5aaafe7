using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Dashboard;

namespace Thanhhoa.Iot.Cloud.Tests.Dashboard;

[TestFixture]
[Category("Unit")]
public sealed class ReportRangeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [TestCase("24h", 1)]
    [TestCase("7d", 7)]
    [TestCase("30D", 30)]
    [TestCase(null, 30)]
    public void TryParse_Span_EndsNow(string? range, int days)
    {
        var ok = ReportRange.TryParse(range, null, null, "30d", Now, out var r, out _);

        Assert.That((ok, r.From, r.To), Is.EqualTo((true, range == "24h" ? Now.AddHours(-24) : Now.AddDays(-days), Now)));
    }

    [Test]
    public void TryParse_FromAndTo_WinOverRange()
    {
        var ok = ReportRange.TryParse("24h", "2026-11-01T00:00:00+07:00", "2026-11-02T00:00:00+07:00", "30d", Now, out var r, out _);

        Assert.That((ok, r.From, r.To), Is.EqualTo((true, new DateTimeOffset(2026, 10, 31, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 17, 0, 0, TimeSpan.Zero))));
    }

    [TestCase("week")]
    [TestCase("0d")]
    [TestCase("401d")]
    public void TryParse_BadRange_ErrorNamesTheFix(string range)
    {
        var ok = ReportRange.TryParse(range, null, null, "30d", Now, out _, out var errors);

        Assert.That(ok, Is.False);
        Assert.That(errors["range"][0], Does.Contain("use 24h, 7d or 30d"));
    }

    [Test]
    public void TryParse_FromAfterTo_Refused()
    {
        var ok = ReportRange.TryParse(null, "2026-11-02T00:00:00Z", "2026-11-01T00:00:00Z", "30d", Now, out _, out var errors);

        Assert.That((ok, errors.ContainsKey("from")), Is.EqualTo((false, true)));
    }
}
