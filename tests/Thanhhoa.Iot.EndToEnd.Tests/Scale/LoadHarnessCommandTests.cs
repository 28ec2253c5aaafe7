using NUnit.Framework;
using Thanhhoa.Iot.LoadHarness;

namespace Thanhhoa.Iot.EndToEnd.Tests.Scale;

/// <summary>
/// The load harness reports the operator's command round trip under load (issue: "reporting … command
/// round trip"): its gateways answer down/cmd, and commands made on one node of two come back as
/// Succeeded whichever node ingested the result.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class LoadHarnessCommandTests
{
    private ScaledCloud _cloud = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _cloud = await ScaledCloud.StartAsync(2);

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }
    }

    [Test]
    public async Task LoadRun_CommandsDuringTheWindow_EveryRoundTripMeasuredNoneFailed()
    {
        var options = _cloud.Fleet(gateways: 20, readings: 10, batches: 0, prefix: "cmdrt-") with
        {
            Warmup = TimeSpan.FromSeconds(1),
            Duration = TimeSpan.FromSeconds(3),
            CommandInterval = TimeSpan.FromMilliseconds(100),
            ApiKey = _cloud.Nodes.Select(n => n.AdminKey).First(k => k is not null),
        };

        var report = await LoadRun.RunAsync(options, TextWriter.Null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(report.Connected, Is.EqualTo(20));
            Assert.That(report.CommandsFailed, Is.Zero, "every ping ended Succeeded within 30 s");
            Assert.That(report.CommandSamples, Is.GreaterThanOrEqualTo(10), "about one command per 100 ms over 3 s, each timed");
            Assert.That(report.CommandP50Ms, Is.GreaterThan(0).And.LessThanOrEqualTo(report.CommandP99Ms));
            Assert.That(report.ToString(), Does.Contain($"cmd_samples={report.CommandSamples} cmd_failed=0"));
        });
    }
}
