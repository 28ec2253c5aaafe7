using NUnit.Framework;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Processes;

namespace Thanhhoa.Iot.EndToEnd.Tests.Packaging;

[TestFixture]
public sealed class SystemdUnitTests
{
    private static string UnitPath => Path.Combine(RepoPaths.Root, "edge", "Thanhhoa.Iot.Gateway", "packaging", "thgw.service");

    [TestCase("Type", "notify")]
    [TestCase("ExecStart", "/opt/thgw/current/thgw run")]
    [TestCase("WorkingDirectory", "/opt/thgw/current")]
    [TestCase("WatchdogSec", "30")]
    [TestCase("Restart", "on-failure")]
    [TestCase("RestartSec", "5")]
    [TestCase("StartLimitIntervalSec", "600")]
    [TestCase("StartLimitBurst", "5")]
    [TestCase("User", "thgw")]
    [TestCase("StateDirectory", "thgw")]
    [TestCase("ConfigurationDirectory", "thgw")]
    [TestCase("ProtectSystem", "strict")]
    [TestCase("NoNewPrivileges", "true")]
    [TestCase("PrivateTmp", "true")]
    [TestCase("ReadWritePaths", "/var/lib/thgw /opt/thgw")]
    [TestCase("SupplementaryGroups", "gpio i2c dialout")]
    [Category("Unit")]
    public void Unit_Setting_HasTheValueThePackagingPromises(string key, string value)
    {
        var settings = File.ReadAllLines(UnitPath)
            .Where(l => !l.StartsWith('#') && l.Contains('=', StringComparison.Ordinal))
            .Select(l => l.Split('=', 2))
            .ToLookup(kv => kv[0].Trim(), kv => kv[1].Trim());

        Assert.That(settings[key], Is.EqualTo(new[] { value }), $"{key} in {UnitPath}");
    }

    [Test]
    [Category("Integration")]
    public async Task Unit_SystemdAnalyzeVerify_ReportsNothing()
    {
        var analyze = ExternalTool.Require("systemd-analyze", "systemd");
        using var dir = new TempDirectory("thgw-unit");
        // verify checks that ExecStart exists: point it at the built thgw (apphost) instead of /opt/thgw.
        var apphost = Path.ChangeExtension(RepoPaths.BuiltDll("edge/Thanhhoa.Iot.Gateway", "thgw"), null);
        var unit = File.ReadAllText(UnitPath)
            .Replace("ExecStart=/opt/thgw/current/thgw run", $"ExecStart={apphost} run", StringComparison.Ordinal)
            .Replace("WorkingDirectory=/opt/thgw/current", $"WorkingDirectory={dir.Path}", StringComparison.Ordinal);
        await File.WriteAllTextAsync(dir.File("thgw.service"), unit);

        await using var child = ChildProcess.Start(analyze, ["verify", dir.File("thgw.service")], name: "systemd-analyze");
        await child.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var code = await child.StopAsync(TimeSpan.FromSeconds(5));

        Assert.That(code, Is.Zero, child.Tail(20));
        Assert.That(child.Output, Is.Empty, "systemd-analyze warns about: " + child.Tail(20));
    }
}
