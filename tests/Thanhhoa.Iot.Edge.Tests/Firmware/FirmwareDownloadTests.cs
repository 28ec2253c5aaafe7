using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Firmware;

namespace Thanhhoa.Iot.Edge.Tests.Firmware;

[TestFixture]
public sealed class FirmwareDownloadTests
{
    [Test]
    [Category("Integration")]
    public async Task Receive_DownloadGaveUpThenGatewayRestarted_ResumesFromThePartialFile()
    {
        await using var bed = new FirmwareTestBed();
        bed.Options.MaxDownloadAttempts = 1;
        var bundle = bed.Bundle("1.4.2");
        var half = new FileInfo(bundle).Length / 2;
        bed.Server.CutAfter = half;
        var desire = bed.Desire(bundle, "1.4.2");
        await bed.ReceiveAsync(desire);
        var failed = bed.LastReport();

        await bed.ReceiveAsync(desire); // a new receiver: the process restarted, the retained desire arrives again

        Assert.Multiple(() =>
        {
            Assert.That(failed.State, Is.EqualTo(FirmwareState.Failed));
            Assert.That(failed.Reason, Does.Contain($"at byte {half}"));
            Assert.That(bed.Server.Ranges, Is.EqualTo(new[] { null, $"bytes={half}-" }));
            Assert.That(bed.LastReport().State, Is.EqualTo(FirmwareState.Restarting));
        });
    }

    [Test]
    [Category("Integration")]
    public async Task Receive_RefusedRolloutArrivesAgain_NotDownloadedAgain()
    {
        await using var bed = new FirmwareTestBed();
        var desire = bed.Desire(bed.Bundle("1.4.2", hardware: "rpi-armhf"), "1.4.2");
        await using var receiver = bed.Receiver();
        await receiver.ReceiveAsync(desire, null, CancellationToken.None);
        await receiver.Current;

        await receiver.ReceiveAsync(desire, null, CancellationToken.None); // retained copy after a reconnect
        await receiver.Current;

        Assert.That(bed.Server.Ranges, Has.Count.EqualTo(1));
    }

    [Test]
    [Category("Integration")]
    public async Task Receive_ProgressReports_AtMostOnePerIntervalPlusTheLast()
    {
        await using var bed = new FirmwareTestBed();
        await bed.ReceiveAsync(bed.Desire(bed.Bundle("1.4.2"), "1.4.2"));

        var downloading = bed.Reports().Where(r => r.State == FirmwareState.Downloading).ToArray();
        Assert.Multiple(() =>
        {
            // The fake clock stands still, so the interval never passes: the first and the final report only.
            Assert.That(downloading, Has.Length.EqualTo(2));
            Assert.That(downloading[^1].Bytes, Is.EqualTo(downloading[^1].Total));
        });
    }

    [Test]
    [Category("Unit")]
    public void AfterAsync_FasterThanTheCap_WaitsUntilTheBytesAreDue()
    {
        var time = new FakeTimeProvider();
        var limiter = new BandwidthLimiter(1000, time);

        var wait = limiter.AfterAsync(500, CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(499));
        var early = wait.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(early, Is.False, "500 bytes at 1000 B/s are due after 0.5 s");
            Assert.That(wait.IsCompleted, Is.True);
        });
    }

    [Test]
    [Category("Unit")]
    public void AfterAsync_NoCap_NeverWaits()
    {
        var limiter = new BandwidthLimiter(0, new FakeTimeProvider());
        Assert.That(limiter.AfterAsync(1_000_000, CancellationToken.None).IsCompleted, Is.True);
    }
}
