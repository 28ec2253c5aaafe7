using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Firmware;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Firmware;
using Thanhhoa.Iot.TestSupport.Firmware;

namespace Thanhhoa.Iot.Edge.Tests.Firmware;

/// <summary>
/// down/firmware end to end on one gateway's files: download, verification, A/B install, restart, and
/// the trial's commit or automatic rollback after the restart.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class FirmwareRolloutTests
{
    private FirmwareTestBed _bed = null!;

    [SetUp]
    public void SetUp() => _bed = new FirmwareTestBed();

    [TearDown]
    public async Task TearDown() => await _bed.DisposeAsync();

    [Test]
    public async Task Receive_UnsignedBundle_RefusedAndNothingInstalled()
    {
        var bundle = _bed.Bundle("1.4.2", damage: p => BundleSurgery.Rewrite(p, BundleFormat.SignatureEntry, _ => null));
        await _bed.ReceiveAsync(_bed.Desire(bundle, "1.4.2"));
        AssertRefusedAndUntouched("unsigned:");
    }

    [Test]
    public async Task Receive_OneBytePayloadTampered_RefusedAndNothingInstalled()
    {
        var bundle = _bed.Bundle("1.4.2", damage: p => BundleSurgery.FlipOneByte(p, BundleFormat.PayloadEntry));
        await _bed.ReceiveAsync(_bed.Desire(bundle, "1.4.2"));
        AssertRefusedAndUntouched("tampered-payload:");
    }

    [Test]
    public async Task Receive_BundleForOtherHardware_RefusedAndNothingInstalled()
    {
        var bundle = _bed.Bundle("1.4.2", hardware: "rpi-armhf");
        await _bed.ReceiveAsync(_bed.Desire(bundle, "1.4.2"));
        AssertRefusedAndUntouched("wrong-hardware:");
    }

    [Test]
    public async Task Receive_OlderVersionNotSignedAsDowngrade_RefusedEvenWhenAskedFor()
    {
        var bundle = _bed.Bundle("1.4.0");
        await _bed.ReceiveAsync(_bed.Desire(bundle, "1.4.0", downgrade: true));
        AssertRefusedAndUntouched("downgrade:");
    }

    [Test]
    public async Task Receive_NotEnoughDiskSpace_RefusedBeforeDownloading()
    {
        var bundle = _bed.Bundle("1.4.2");
        await _bed.ReceiveAsync(_bed.Desire(bundle, "1.4.2"), new FixedFreeSpace(1000));
        AssertRefusedAndUntouched("no-disk-space:");
        Assert.That(_bed.Server.Ranges, Is.Empty, "nothing may be downloaded");
    }

    [Test]
    public async Task Receive_ValidBundle_InstallsIntoOtherSlotOnTrialAndRestarts()
    {
        var bundle = _bed.Bundle("1.4.2");
        await _bed.ReceiveAsync(_bed.Desire(bundle, "1.4.2"));

        var states = _bed.Reports().Select(r => r.State).Distinct();
        Assert.Multiple(() =>
        {
            Assert.That(states, Is.EqualTo(new[] { FirmwareState.Downloading, FirmwareState.Downloaded, FirmwareState.Installing, FirmwareState.Restarting }));
            Assert.That(_bed.Switcher.CurrentSlot, Is.EqualTo("b"));
            Assert.That(File.ReadAllText(Path.Combine(_bed.SlotPath("b"), "thgw.dll")), Is.EqualTo("new code 1.4.2"));
            Assert.That(File.ReadAllText(Path.Combine(_bed.SlotPath("a"), "thgw.dll")), Is.EqualTo("old code 1.4.1"), "the running slot is never touched");
            Assert.That(_bed.Store.Load(), Is.EqualTo(new SlotState("a", "1.4.1", "b", "1.4.2", "ro-20261126-0001", null)));
            Assert.That(_bed.Host.Restarts, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Receive_DownloadCutHalfway_ResumesFromTheByteWhereItStopped()
    {
        var bundle = _bed.Bundle("1.4.2");
        var half = new FileInfo(bundle).Length / 2;
        _bed.Server.CutAfter = half;

        await _bed.ReceiveAsync(_bed.Desire(bundle, "1.4.2"));

        Assert.Multiple(() =>
        {
            Assert.That(_bed.Server.Ranges, Is.EqualTo(new[] { null, $"bytes={half}-" }));
            Assert.That(_bed.Reports().Select(r => r.State), Does.Contain(FirmwareState.Downloaded), "size and SHA-256 of the joined file match");
            Assert.That(_bed.LastReport().State, Is.EqualTo(FirmwareState.Restarting));
        });
    }

    [Test]
    public async Task BootCheck_TrialHealthy_CommitsAndKeepsThePreviousSlot()
    {
        await _bed.ReceiveAsync(_bed.Desire(_bed.Bundle("1.4.2"), "1.4.2"));

        await _bed.BootCheck(new FixedHealth(null)).RunAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(_bed.LastReport(), Has.Property(nameof(FirmwareReport.State)).EqualTo(FirmwareState.Committed)
                .And.Property(nameof(FirmwareReport.Running)).EqualTo("1.4.2"));
            Assert.That(_bed.Store.Load(), Is.EqualTo(new SlotState("b", "1.4.2", null, null, "ro-20261126-0001", "committed")));
            Assert.That(_bed.Store.TrialStarts, Is.Zero);
            Assert.That(_bed.Switcher.CurrentSlot, Is.EqualTo("b"));
            Assert.That(Directory.Exists(_bed.SlotPath("a")), Is.True);
            Assert.That(_bed.Running.Version, Is.EqualTo("1.4.2"));
        });
    }

    [Test]
    public async Task BootCheck_TrialNeverHealthy_RollsBackByItselfWithTheReason()
    {
        await _bed.ReceiveAsync(_bed.Desire(_bed.Bundle("1.4.2"), "1.4.2"));
        var check = _bed.BootCheck(new FixedHealth("not connected to the broker (connection refused)"));

        var run = check.RunAsync(CancellationToken.None);
        _bed.Time.Advance(_bed.Options.HealthWindow + TimeSpan.FromSeconds(1));
        await run;

        var last = _bed.LastReport();
        Assert.Multiple(() =>
        {
            Assert.That(last.State, Is.EqualTo(FirmwareState.RolledBack));
            Assert.That(last.Reason, Does.Contain("not connected to the broker").And.Contain("back to 1.4.1"));
            Assert.That(_bed.Switcher.CurrentSlot, Is.EqualTo("a"));
            Assert.That(_bed.Running.Version, Is.EqualTo("1.4.1"));
            Assert.That(_bed.Host.Restarts, Is.EqualTo(2), "one restart into the trial, one back");
        });
    }

    [Test]
    public async Task BootCheck_TrialCrashLoops_RollsBackAfterMaxStarts()
    {
        await _bed.ReceiveAsync(_bed.Desire(_bed.Bundle("1.4.2"), "1.4.2"));
        for (var start = 1; start <= _bed.Options.MaxTrialStarts; start++)
        {
            // Each start dies while waiting for health: the process crashed before committing.
            using var crash = new CancellationTokenSource();
            var run = _bed.BootCheck(new FixedHealth("no sensor reading stored since the start")).RunAsync(crash.Token);
            await crash.CancelAsync();
            Assert.That(async () => await run, Throws.InstanceOf<OperationCanceledException>());
        }

        await _bed.BootCheck(new FixedHealth("no sensor reading stored since the start")).RunAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(_bed.LastReport().State, Is.EqualTo(FirmwareState.RolledBack));
            Assert.That(_bed.LastReport().Reason, Does.Contain($"crash loop: 1.4.2 started {_bed.Options.MaxTrialStarts} times"));
            Assert.That(_bed.Switcher.CurrentSlot, Is.EqualTo("a"));
            Assert.That(_bed.Store.TrialStarts, Is.Zero);
        });
    }

    [Test]
    public async Task Receive_RetainedDesireAgainAfterRollback_NotInstalledAgain()
    {
        var desire = _bed.Desire(_bed.Bundle("1.4.2"), "1.4.2");
        await _bed.ReceiveAsync(desire);
        var run = _bed.BootCheck(new FixedHealth("not connected")).RunAsync(CancellationToken.None);
        _bed.Time.Advance(_bed.Options.HealthWindow + TimeSpan.FromSeconds(1));
        await run;
        var reports = _bed.Reports().Count;

        await _bed.ReceiveAsync(desire);

        Assert.Multiple(() =>
        {
            Assert.That(_bed.Reports(), Has.Count.EqualTo(reports));
            Assert.That(_bed.Switcher.CurrentSlot, Is.EqualTo("a"));
        });
    }

    private void AssertRefusedAndUntouched(string reasonPrefix)
    {
        var last = _bed.LastReport();
        Assert.Multiple(() =>
        {
            Assert.That(last.State, Is.EqualTo(FirmwareState.Refused));
            Assert.That(last.Reason, Does.StartWith(reasonPrefix));
            Assert.That(last.Running, Is.EqualTo("1.4.1"));
            Assert.That(Directory.Exists(_bed.SlotPath("b")), Is.False, "nothing installed");
            Assert.That(_bed.Switcher.CurrentSlot, Is.EqualTo("a"));
            Assert.That(_bed.Store.Load(), Is.Null);
            Assert.That(_bed.Host.Restarts, Is.Zero);
        });
    }
}
