using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Diagnostics.Doctor;
using Thanhhoa.Iot.Edge.Diagnostics.Text;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Diagnostics;

[TestFixture]
[Category("Unit")]
public sealed class ClockPlausibilityCheckTests
{
    [Test]
    public async Task Run_ClockBeforeThisSoftwareExisted_FailsWithNtpFix()
    {
        using var dir = new TempDirectory("thgw-clock");
        var time = new FakeTimeProvider(new DateTimeOffset(1970, 1, 1, 0, 2, 0, TimeSpan.Zero));

        var result = await new ClockPlausibilityCheck(new Texts(Language.En), time, dir.Path).RunAsync(CancellationToken.None);

        Assert.That(result.Passed, Is.False);
        Assert.That(result.Fix, Does.Contain("timedatectl"));
    }

    [Test]
    public async Task Run_ClockBehindAFileTheGatewayWrote_FailsNamingTheFile()
    {
        using var dir = new TempDirectory("thgw-clock");
        var file = dir.File("session.counter");
        await File.WriteAllTextAsync(file, "7");
        File.SetLastWriteTimeUtc(file, new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));

        var result = await new ClockPlausibilityCheck(new Texts(Language.En), time, dir.Path).RunAsync(CancellationToken.None);

        Assert.That(result.Passed, Is.False);
        Assert.That(result.Detail, Does.Contain(file).And.Contain("went back"));
    }

    [Test]
    public async Task Run_ClockAfterEveryFile_Passes()
    {
        using var dir = new TempDirectory("thgw-clock");
        var file = dir.File("session.counter");
        await File.WriteAllTextAsync(file, "7");
        File.SetLastWriteTimeUtc(file, new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));

        var result = await new ClockPlausibilityCheck(new Texts(Language.En), time, dir.Path).RunAsync(CancellationToken.None);

        Assert.That(result.Passed, Is.True, result.Detail);
    }
}
