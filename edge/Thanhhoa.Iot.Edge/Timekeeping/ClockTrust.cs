using System.Globalization;
using Microsoft.Extensions.Logging;
using Thanhhoa.Iot.Contracts;
using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Edge.Timekeeping;

/// <summary>
/// The gateway's clock-trust service. Each source that has told the time leaves an anchor: (trusted UTC,
/// monotonic time) at that moment; the trusted time now is the anchor plus the monotonic time since,
/// so a later jump of the OS clock changes nothing. While the OS says NTP is synchronised the OS clock
/// itself is the trusted time. Sources are preferred in the configured order. Trust, once gained, lasts
/// for the life of the process (the monotonic clock carries it).
/// </summary>
public sealed class ClockTrust : IClockTrust, ICloudTimeSink
{
    private readonly TimekeepingOptions _options;
    private readonly IClockSyncState _syncState;
    private readonly IReadOnlyList<IExternalTimeSource> _external;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<TimeSource, Anchor> _anchors = [];
    private TaskCompletionSource _changed = NewSignal();
    private bool _osSynced;
    private bool _wasTrusted;
    private bool _warnedUntrusted;
    private long _epoch;

    public ClockTrust(
        IOptions<TimekeepingOptions> options,
        IBootIdentity boot,
        IClockSyncState syncState,
        TimeProvider time,
        ILogger<ClockTrust> logger,
        IEnumerable<IExternalTimeSource>? external = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(boot);
        _options = options.Value;
        _syncState = syncState;
        _time = time;
        _logger = logger;
        _external = external?.ToList() ?? [];
        BootKey = KeyOf(boot.BootId);
        _wasTrusted = _options.Sources.Count == 0;
    }

    /// <summary>The current boot as stored with rows.</summary>
    public long BootKey { get; }

    public bool IsTrusted
    {
        get
        {
            lock (_gate)
            {
                return Preferred() is not null;
            }
        }
    }

    public long TrustEpoch => Interlocked.Read(ref _epoch);

    public ClockStamp Stamp(DateTimeOffset wallTime)
    {
        var osNow = _time.GetUtcNow();
        var monotonic = Monotonic();
        var age = osNow - wallTime;
        var taken = monotonic - Math.Max(0, age.Ticks);
        lock (_gate)
        {
            return Offset(osNow, monotonic) is { } offset
                ? new ClockStamp(wallTime + offset, true, BootKey, taken)
                : new ClockStamp(wallTime, false, BootKey, taken);
        }
    }

    public DateTimeOffset? Correct(long bootKey, long monotonic)
    {
        if (bootKey != BootKey)
        {
            return null;
        }

        var osNow = _time.GetUtcNow();
        var now = Monotonic();
        lock (_gate)
        {
            return TrustedNow(osNow, now) is { } trustedNow ? trustedNow - TimeSpan.FromTicks(now - monotonic) : null;
        }
    }

    public void Refresh()
    {
        var synced = _options.Sources.Contains(TimeSource.Ntp) && _syncState.IsSynchronized();
        var external = _options.Sources.Contains(TimeSource.Gps)
            ? _external.Select(s => s.TryGetUtcNow()).FirstOrDefault(t => t is not null)
            : null;
        lock (_gate)
        {
            _osSynced = synced;
            if (synced)
            {
                _anchors[TimeSource.Ntp] = new Anchor(_time.GetUtcNow(), Monotonic());
            }

            if (external is { } utc)
            {
                Accept(TimeSource.Gps, utc);
            }

            Update();
        }
    }

    public void ServerTimeReceived(string iso8601Utc)
    {
        if (!_options.Sources.Contains(TimeSource.Cloud))
        {
            return;
        }

        if (!DateTimeOffset.TryParse(iso8601Utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var serverUtc)
            || !iso8601Utc.Contains('T', StringComparison.Ordinal))
        {
            _logger.ServerTimeUnreadable(ContractInfo.ServerTimeProperty, iso8601Utc.Length > 64 ? iso8601Utc[..64] : iso8601Utc);
            return;
        }

        lock (_gate)
        {
            Accept(TimeSource.Cloud, serverUtc);
            Update();
        }
    }

    public Task WaitForTrustAsync(long epoch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _epoch != epoch ? Task.CompletedTask : _changed.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>A stable 64-bit key of a boot id (FNV-1a), small enough to store with every row.</summary>
    public static long KeyOf(string bootId)
    {
        ArgumentNullException.ThrowIfNull(bootId);
        var hash = 14695981039346656037UL;
        foreach (var c in bootId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    private long Monotonic() => _time.GetElapsedTime(0, _time.GetTimestamp()).Ticks;

    private void Accept(TimeSource source, DateTimeOffset utc)
    {
        var monotonic = Monotonic();
        if (Preferred() is { } trusted && TrustedNow(_time.GetUtcNow(), monotonic) is { } now && (utc - now).Duration() > _options.Tolerance)
        {
            _logger.SourcesDisagree(source, (utc - now).TotalSeconds, _options.Tolerance.TotalSeconds, trusted);
        }

        _anchors[source] = new Anchor(utc, monotonic);
    }

    /// <summary>Notes a change of trust; call under the lock.</summary>
    private void Update()
    {
        var trusted = Preferred();
        if (trusted is { } source && !_wasTrusted)
        {
            _wasTrusted = true;
            Interlocked.Increment(ref _epoch);
            var osNow = _time.GetUtcNow();
            _logger.Trusted(source, ((TrustedNow(osNow, Monotonic()) ?? osNow) - osNow).TotalSeconds);
            _changed.TrySetResult();
            _changed = NewSignal();
        }
        else if (trusted is null && !_warnedUntrusted)
        {
            _warnedUntrusted = true;
            _logger.NotTrusted(string.Join(", ", _options.Sources));
        }
    }

    /// <summary>The first configured source that has told the time; null when none has. Call under the lock.</summary>
    private TimeSource? Preferred()
    {
        if (_options.Sources.Count == 0)
        {
            return TimeSource.Ntp; // a real-time clock: the OS clock is the truth
        }

        foreach (var source in _options.Sources)
        {
            if (_anchors.ContainsKey(source))
            {
                return source;
            }
        }

        return null;
    }

    private DateTimeOffset? TrustedNow(DateTimeOffset osNow, long monotonic)
    {
        if (Preferred() is not { } source)
        {
            return null;
        }

        if (_options.Sources.Count == 0 || (source == TimeSource.Ntp && _osSynced))
        {
            return osNow;
        }

        var anchor = _anchors[source];
        return anchor.Utc + TimeSpan.FromTicks(monotonic - anchor.Monotonic);
    }

    /// <summary>What to add to an OS-clock time to make it trusted (zero within the tolerance); null when not trusted.</summary>
    private TimeSpan? Offset(DateTimeOffset osNow, long monotonic)
    {
        if (TrustedNow(osNow, monotonic) is not { } trustedNow)
        {
            return null;
        }

        var offset = trustedNow - osNow;
        return offset.Duration() <= _options.Tolerance ? TimeSpan.Zero : offset;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly record struct Anchor(DateTimeOffset Utc, long Monotonic);
}
