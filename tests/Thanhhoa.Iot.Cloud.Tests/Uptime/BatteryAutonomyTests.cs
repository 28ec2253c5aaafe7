using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Uptime;

namespace Thanhhoa.Iot.Cloud.Tests.Uptime;

[TestFixture]
[Category("Unit")]
public sealed class BatteryAutonomyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly AutonomyOptions Options = new();

    [TestCase(0.02)]
    [TestCase(0.05)]
    [TestCase(0.2)]
    public void Estimate_LinearDischargeWithNoise_WithinTenPercentOfTrueTimeToCutoff(double voltsPerMinute)
    {
        // 20 minutes of readings every 30 s, falling linearly from 51.0 V, with ±0.03 V of alternating noise.
        var samples = Enumerable.Range(0, 41)
            .Select(i => (T0.AddSeconds(30 * i), 51.0 - (voltsPerMinute * i / 2.0) + (i % 2 == 0 ? 0.03 : -0.03)))
            .ToList();
        var now = T0.AddMinutes(20);
        var trueMinutes = (51.0 - (voltsPerMinute * 20) - Options.CutoffVolts) / voltsPerMinute;

        var estimate = BatteryAutonomy.Estimate(samples, now, Options);

        Assert.That(estimate.Minutes, Is.EqualTo(trueMinutes).Within(10).Percent);
        Assert.That(estimate.Confidence, Is.Not.EqualTo(AutonomyConfidence.Unknown));
    }

    [Test]
    public void Estimate_CleanLongDischarge_HighConfidence()
    {
        var samples = Enumerable.Range(0, 61).Select(i => (T0.AddMinutes(i * 0.5), 50.0 - (0.05 * i * 0.5))).ToList();

        var estimate = BatteryAutonomy.Estimate(samples, T0.AddMinutes(30), Options);

        Assert.That(estimate.Confidence, Is.EqualTo(AutonomyConfidence.High));
        Assert.That(estimate.Minutes, Is.EqualTo((50.0 - 1.5 - 44.0) / 0.05).Within(1e-6));
    }

    [Test]
    public void Estimate_ThreeReadings_UnknownSayingTooLittleData()
    {
        var samples = Enumerable.Range(0, 3).Select(i => (T0.AddMinutes(i * 5), 50.0 - i)).ToList();

        var estimate = BatteryAutonomy.Estimate(samples, T0.AddMinutes(10), Options);

        Assert.That((estimate.Minutes, estimate.Confidence), Is.EqualTo(((double?)null, AutonomyConfidence.Unknown)));
        Assert.That(estimate.Reason, Does.Contain("too little data"));
    }

    [Test]
    public void Estimate_ReadingsSpanningOneMinute_Unknown()
    {
        var samples = Enumerable.Range(0, 13).Select(i => (T0.AddSeconds(i * 5), 50.0 - (0.01 * i))).ToList();

        var estimate = BatteryAutonomy.Estimate(samples, T0.AddMinutes(1), Options);

        Assert.That(estimate.Confidence, Is.EqualTo(AutonomyConfidence.Unknown));
    }

    [Test]
    public void Estimate_VoltageRising_UnknownSayingNotFalling()
    {
        var samples = Enumerable.Range(0, 20).Select(i => (T0.AddMinutes(i), 48.0 + (0.01 * i))).ToList();

        var estimate = BatteryAutonomy.Estimate(samples, T0.AddMinutes(19), Options);

        Assert.That(estimate.Confidence, Is.EqualTo(AutonomyConfidence.Unknown));
        Assert.That(estimate.Reason, Does.Contain("not falling"));
    }

    [Test]
    public void Estimate_ReadingsOlderThanTheWindow_Ignored()
    {
        var old = Enumerable.Range(0, 20).Select(i => (T0.AddMinutes(i), 52.0 - (0.1 * i)));
        var recent = Enumerable.Range(0, 3).Select(i => (T0.AddHours(2).AddMinutes(i), 47.0));

        var estimate = BatteryAutonomy.Estimate(old.Concat(recent).ToList(), T0.AddHours(2).AddMinutes(3), Options);

        Assert.That(estimate.Confidence, Is.EqualTo(AutonomyConfidence.Unknown));
    }
}
