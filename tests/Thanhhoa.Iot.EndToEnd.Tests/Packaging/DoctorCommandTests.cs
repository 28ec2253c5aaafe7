using NUnit.Framework;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.EndToEnd.Tests.Packaging;

[TestFixture]
[Category("Integration")]
public sealed class DoctorCommandTests
{
    /// <summary>English by --lang (over a Vietnamese locale), Vietnamese by the locale alone.</summary>
    [TestCase("en", "--lang", "en", "vi_VN.UTF-8", "cannot connect to 127.0.0.1:{0}", "nothing listens on port {0}", "fix:")]
    [TestCase("vi", null, null, "vi_VN.UTF-8", "không kết nối được tới 127.0.0.1:{0}", "không có dịch vụ nào nghe ở cổng {0}", "cách sửa:")]
    public async Task Doctor_BrokerPortClosed_FailsBrokerWithFixAndExitsWithFailureCount(
        string language, string? flag, string? value, string locale, string detail, string fix, string fixLabel)
    {
        using var data = new TempDirectory("thgw-doctor");
        var port = FreeTcpPort.Next(); // free: nothing listens there
        var args = flag is null ? new[] { "doctor" } : ["doctor", flag, value!];

        var run = await ThgwRun.ExecAsync(args, Settings(data.Path, port, locale));

        var lines = run.Stdout.ToList();
        var broker = lines.FindIndex(l => l.StartsWith("FAIL broker: ", StringComparison.Ordinal));
        Assert.That(broker, Is.GreaterThanOrEqualTo(0), run.Text);
        Assert.That(lines[broker], Does.Contain(string.Format(System.Globalization.CultureInfo.InvariantCulture, detail, port)), language);
        Assert.That(lines[broker + 1], Does.Contain(fixLabel).And.Contain(string.Format(System.Globalization.CultureInfo.InvariantCulture, fix, port)).And.Contain("Uplink:Port"), run.Text);
        Assert.That(lines.Count(l => l.StartsWith("FAIL ", StringComparison.Ordinal)), Is.EqualTo(1), run.Text);
        foreach (var passed in new[] { "ok config: ", "ok data-dir: ", "ok clock: ", "ok sensor:battery_v: " })
        {
            Assert.That(lines, Has.Some.StartsWith(passed), run.Text);
        }
        Assert.That(run.ExitCode, Is.EqualTo(1), "exit code = number of failed checks");
    }

    [Test]
    public async Task Doctor_NoDeviceIdAndMissingDataDirectory_CountsEveryFailureInExitCode()
    {
        using var data = new TempDirectory("thgw-doctor");
        var settings = Settings(Path.Combine(data.Path, "missing"), FreeTcpPort.Next(), "en_US.UTF-8");
        settings["THGW_Gateway__DeviceId"] = string.Empty;

        var run = await ThgwRun.ExecAsync(["doctor"], settings);

        foreach (var failed in new[] { "FAIL config: ", "FAIL data-dir: ", "FAIL broker: " })
        {
            Assert.That(run.Stdout, Has.Some.StartsWith(failed), run.Text);
        }

        Assert.That(run.Text, Does.Contain("Gateway:DeviceId").And.Contain("sudo install -d -o thgw -g thgw"), run.Text);
        Assert.That(run.ExitCode, Is.EqualTo(3), run.Text);
    }

    internal static Dictionary<string, string> Settings(string dataDirectory, int brokerPort, string locale) => new()
    {
        ["LC_ALL"] = locale,
        ["THGW_Gateway__DeviceId"] = "bts-th-0001",
        ["THGW_Gateway__DataDirectory"] = dataDirectory,
        ["THGW_Uplink__Host"] = "127.0.0.1",
        ["THGW_Uplink__Port"] = brokerPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["THGW_Simulation__Enabled"] = "true",
    };
}
