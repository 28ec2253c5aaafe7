using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Tests.Outbox;
using Thanhhoa.Iot.Edge.Timekeeping;

namespace Thanhhoa.Iot.Edge.Tests.Timekeeping;

/// <summary>Clock-trust services and outboxes that use them, over a <see cref="SteppableClock"/>.</summary>
internal static class TimekeepingTestKit
{
    /// <summary>Where a Raspberry Pi's clock starts after a power cut: near the epoch.</summary>
    public static readonly DateTimeOffset PiBootWall = new(1970, 1, 1, 0, 0, 30, TimeSpan.Zero);

    /// <summary>The real time, as the cloud knows it.</summary>
    public static readonly DateTimeOffset RealTime = new(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);

    public static ClockTrust Trust(TimeProvider clock, string bootId = "boot-a", FakeSyncState? sync = null, Action<TimekeepingOptions>? configure = null)
    {
        var options = new TimekeepingOptions();
        configure?.Invoke(options);
        return new ClockTrust(Options.Create(options), new FixedBoot(bootId), sync ?? new FakeSyncState(), clock, NullLogger<ClockTrust>.Instance);
    }

    public static LiteDbOutbox OpenOutbox(string directory, TimeProvider clock, IClockTrust trust)
    {
        var options = Options.Create(OutboxTestFactory.Options(directory));
        return new LiteDbOutbox(options, new FileOutboxStorage(options), new DropOldestReadingsPolicy(), clock, NullLogger<LiteDbOutbox>.Instance, trust);
    }

    public static string Iso(DateTimeOffset utc) => utc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    internal sealed class FixedBoot(string bootId) : IBootIdentity
    {
        public string BootId { get; } = bootId;
    }

    internal sealed class FakeSyncState : IClockSyncState
    {
        public bool Synced { get; set; }

        public bool IsSynchronized() => Synced;
    }
}
