using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Firmware;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.Edge.Firmware;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Tests.Outbox;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Firmware;

/// <summary>
/// A gateway's firmware side on real files: slots/a holding 1.4.1 with <c>current</c> pointing at it, a
/// real LiteDB outbox for the reports, a loopback HTTP server for bundles, a recording host control.
/// "Restarting" is building a new <see cref="FirmwareBootCheck"/> on the same files.
/// </summary>
internal sealed class FirmwareTestBed : IAsyncDisposable
{
    public const string OldVersion = "1.4.1";
    private static readonly BundleKeyPair Key = BundleKeyPair.Generate();
    private readonly TempDirectory _dir = new("thiot-fw");
    private readonly LiteDbOutbox _outbox;
    private int _bundles;

    public FirmwareTestBed()
    {
        Root = Path.Combine(_dir.Path, "opt-thgw");
        var slotA = Path.Combine(Root, SlotLayout.SlotsFolder, "a");
        Directory.CreateDirectory(slotA);
        File.WriteAllText(Path.Combine(slotA, "thgw.dll"), "old code " + OldVersion);
        File.CreateSymbolicLink(Path.Combine(Root, SymlinkSlotSwitcher.CurrentLink), Path.Combine(SlotLayout.SlotsFolder, "a"));
        Options = new FirmwareOptions
        {
            Enabled = true, Hardware = "rpi-arm64", SlotsRoot = Root, DownloadDirectory = Path.Combine(_dir.Path, "downloads"),
            TrustedKeys = [Key.PublicKeyPem], RetryDelay = TimeSpan.Zero, ProgressReportInterval = TimeSpan.FromSeconds(30),
            FreeSpaceMarginBytes = 0,
        };
        _outbox = OutboxTestFactory.Create(OutboxTestFactory.Options(Path.Combine(_dir.Path, "outbox")), time: Time);
        Store = new SlotStateStore(new SlotLayout(Root));
        Switcher = new SymlinkSlotSwitcher(Root, Host);
    }

    public string Root { get; }

    public FirmwareOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero));

    public RecordingHostControl Host { get; } = new();

    public BundleFileServer Server { get; } = new();

    public SlotStateStore Store { get; }

    public SymlinkSlotSwitcher Switcher { get; }

    public RunningFirmware Running => new(Store, Switcher, OldVersion);

    public string SlotPath(string slot) => Path.Combine(Root, SlotLayout.SlotsFolder, slot);

    public FirmwareReceiver Receiver(IFreeSpaceProbe? disk = null)
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var reporter = Reporter();
        var downloader = new FirmwareDownloader(new HttpClient(), Options, Time, NullLogger.Instance);
        var installer = new FirmwareInstaller(Store, Switcher, options);
        var rollout = new FirmwareRollout(downloader, installer, reporter, Switcher, disk ?? new FixedFreeSpace(long.MaxValue), options, Options.DownloadDirectory!);
        return new FirmwareReceiver(rollout, reporter, Running, Store, options, NullLogger<FirmwareReceiver>.Instance);
    }

    /// <summary>What runs at the start of thgw after a restart.</summary>
    public FirmwareBootCheck BootCheck(IFirmwareHealth health) =>
        new(Store, Switcher, health, Reporter(), Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<FirmwareBootCheck>.Instance);

    /// <summary>Builds a bundle of a small fake publish folder; <paramref name="damage"/> may change the file afterwards.</summary>
    public string Bundle(string version, string hardware = "rpi-arm64", bool downgrade = false, Action<string>? damage = null)
    {
        var publish = Path.Combine(_dir.Path, $"publish-{++_bundles}");
        Directory.CreateDirectory(Path.Combine(publish, "runtimes"));
        File.WriteAllText(Path.Combine(publish, "thgw.dll"), "new code " + version);
        File.WriteAllBytes(Path.Combine(publish, "runtimes", "blob.bin"), RandomNumberGenerator.GetBytes(200_000)); // incompressible: the download has a middle
        var path = Path.Combine(_dir.Path, $"bundle-{_bundles}.thb");
        BundleWriter.Create(new BundleWriteRequest
        {
            SourceDirectory = publish, Version = version, Hardware = hardware, PrivateKeyPem = Key.PrivateKeyPem,
            OutputPath = path, CreatedAt = Time.GetUtcNow(), Downgrade = downgrade,
        });
        damage?.Invoke(path);
        return path;
    }

    /// <summary>Serves <paramref name="bundlePath"/> and returns the desire for it, encoded as down/firmware carries it.</summary>
    public byte[] Desire(string bundlePath, string version, string rolloutId = "ro-20261126-0001", bool downgrade = false)
    {
        var content = File.ReadAllBytes(bundlePath);
        return JsonCodec.Encode(new FirmwareDesired
        {
            Version = ContractInfo.Version, RolloutId = rolloutId, FirmwareVersion = version,
            Url = Server.Publish(Path.GetFileNameWithoutExtension(bundlePath), content), Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Timestamp = Time.GetUtcNow(), Downgrade = downgrade,
        });
    }

    /// <summary>Runs a desire to its end (the rollout's last report) through a fresh receiver.</summary>
    public async Task ReceiveAsync(byte[] desire, IFreeSpaceProbe? disk = null)
    {
        await using var receiver = Receiver(disk);
        await receiver.ReceiveAsync(desire, ContractInfo.JsonContentType, CancellationToken.None);
        await receiver.Current;
    }

    /// <summary>The firmware reports in the outbox, oldest first.</summary>
    public IReadOnlyList<FirmwareReport> Reports() =>
        _outbox.PeekMessages(int.MaxValue).Where(m => m.Kind == TopicKind.FirmwareReported).Select(m => JsonCodec.DecodeFirmwareReport(m.Payload)).ToArray();

    public FirmwareReport LastReport() => Reports()[^1];

    private FirmwareReporter Reporter() =>
        new(_outbox, Time, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<FirmwareReporter>.Instance);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _outbox.Dispose();
        _dir.Dispose();
    }
}
