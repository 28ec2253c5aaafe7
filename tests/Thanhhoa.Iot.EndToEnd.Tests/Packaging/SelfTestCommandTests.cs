using NUnit.Framework;
using Thanhhoa.Iot.Edge.Diagnostics.SelfTest;

namespace Thanhhoa.Iot.EndToEnd.Tests.Packaging;

[TestFixture]
[Category("Integration")]
public sealed class SelfTestCommandTests
{
    [Test]
    public async Task Selftest_NativeBuild_PrintsVersionAndEveryCheckOkAndExitsZero()
    {
        var run = await ThgwRun.ExecAsync(["selftest"]);

        Assert.That(run.ExitCode, Is.Zero, run.Text);
        Assert.That(run.Stdout.First(), Does.Match(@"^thgw \d+\.\d+\.\d+"), run.Text);
        Assert.That(run.Stdout, Has.Some.StartsWith("runtime: linux-"), run.Text);
        foreach (var name in SelfTestSuite.CheckNames)
        {
            Assert.That(run.Stdout, Has.One.StartsWith($"ok {name}: "), $"check {name}:\n{run.Text}");
        }

        Assert.That(run.Stdout, Has.None.StartsWith("FAIL "), run.Text);
        Assert.That(run.Stdout.Last(), Is.EqualTo($"selftest: {SelfTestSuite.CheckNames.Count}/{SelfTestSuite.CheckNames.Count} checks ok"));
    }

    [Test]
    public async Task Selftest_VietnameseLocale_SpeaksVietnamese()
    {
        var run = await ThgwRun.ExecAsync(["selftest"], new Dictionary<string, string> { ["LC_ALL"] = "vi_VN.UTF-8" });

        Assert.That(run.ExitCode, Is.Zero, run.Text);
        Assert.That(run.Stdout, Has.Some.StartsWith("môi trường chạy: linux-"), run.Text);
        Assert.That(run.Stdout.Last(), Is.EqualTo($"selftest: {SelfTestSuite.CheckNames.Count}/{SelfTestSuite.CheckNames.Count} mục đạt"));
    }

    [Test]
    public async Task Help_Always_ListsExitCodes()
    {
        var run = await ThgwRun.ExecAsync(["--help"]);

        Assert.That(run.ExitCode, Is.Zero, run.Text);
        Assert.That(run.Text, Does.Contain("Exit codes:").And.Contain("N   doctor: N checks failed"), run.Text);
        Assert.That(run.Text, Does.Contain("selftest").And.Contain("doctor").And.Contain("status").And.Contain("sensors"), run.Text);
    }
}
