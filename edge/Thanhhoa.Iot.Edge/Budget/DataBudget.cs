using System.Globalization;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Edge.Budget;

/// <summary>
/// Meters what the uplink puts on the wire against the daily and monthly limits, says how hard to save
/// (<see cref="BudgetLevel"/>) and whether telemetry may go. Alarms, events and command results are
/// metered but never held back; they spend the reserve. Keep-alives are charged while connected
/// (one PINGREQ/PINGRESP exchange per keep-alive period, whether or not MQTTnet had to send it), and
/// the keep-alives until the end of each period are set aside before telemetry may go: at the default
/// Uplink:KeepAlive of 25 s they alone cost ~373 KB a day, so raise it on tight plans.
/// Usage is saved to <c>budget.txt</c> beside the outbox at most once a minute, so a power cut forgets
/// at most a minute of traffic.
/// </summary>
public sealed class DataBudget
{
    /// <summary>A session's set-up: TCP handshake, CONNECT with will, CONNACK, SUBSCRIBE/SUBACK, birth PUBLISH/PUBACK (measured ≈ 700).</summary>
    public const int SessionBytes = 1024;

    private static readonly TimeSpan SaveEvery = TimeSpan.FromMinutes(1);
    private readonly Lock _lock = new();
    private readonly BudgetOptions _options;
    private readonly TimeProvider _time;
    private readonly string _path;
    private readonly BudgetPeriod _day;
    private readonly BudgetPeriod _month;
    private readonly long _pingBytes;
    private readonly TimeSpan _keepAlive;
    private DateTimeOffset? _chargedPingsTo;
    private DateTimeOffset _savedAt = DateTimeOffset.MinValue;

    public DataBudget(IOptions<BudgetOptions> options, IOptions<GatewayOptions> gateway, IOptions<UplinkOptions> uplink, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _path = Path.Combine(gateway.Value.DataDirectory, "budget.txt");
        _day = new BudgetPeriod(_options.DailyBytes, _options.PriorityReserve, monthly: false, _options.UtcOffset);
        _month = new BudgetPeriod(_options.MonthlyBytes, _options.PriorityReserve, monthly: true, _options.UtcOffset);
        _keepAlive = uplink.Value.KeepAlive;
        _pingBytes = 2 * (2 + _options.TcpIpOverheadBytes);
        Load();
    }

    public BudgetOptions Options => _options;

    /// <summary>How hard to save now: the worse of the day's and the month's.</summary>
    public BudgetLevel Level => Usage().Level;

    /// <summary>Deadband and heartbeat multiplier for report by exception.</summary>
    public double ReportFactor => Level >= BudgetLevel.Thrifty ? 4 : 1;

    /// <summary>Counts bytes that went on the wire (any direction, any message).</summary>
    public void Record(long bytes)
    {
        lock (_lock)
        {
            var now = Roll();
            _day.Add(bytes);
            _month.Add(bytes);
            SaveIfDue(now);
        }
    }

    /// <summary>
    /// True when a telemetry message of <paramref name="bytes"/> still fits telemetry's share of both
    /// periods, with the keep-alives until each period ends set aside (they cannot be held back).
    /// </summary>
    public bool AllowsTelemetry(long bytes)
    {
        lock (_lock)
        {
            var now = Roll();
            return _day.Allows(bytes + KeepAlivesUntil(now, _day.End)) && _month.Allows(bytes + KeepAlivesUntil(now, _month.End));
        }
    }

    /// <summary>When held telemetry may be tried again: the next day or month begins.</summary>
    public DateTimeOffset NextPeriodStart
    {
        get
        {
            lock (_lock)
            {
                Roll();
                return _day.Limit > 0 && (_month.Limit == 0 || _day.End <= _month.End) ? _day.End : _month.End;
            }
        }
    }

    /// <summary>The uplink connected (charges a session set-up and starts charging keep-alives) or lost its link.</summary>
    public void Connected(bool connected)
    {
        lock (_lock)
        {
            Roll();
            _chargedPingsTo = connected ? _time.GetUtcNow() : null;
        }

        if (connected)
        {
            Record(SessionBytes);
        }
    }

    public BudgetUsage Usage()
    {
        lock (_lock)
        {
            var now = Roll();
            var level = (BudgetLevel)Math.Max((int)_day.Level(now), (int)_month.Level(now));
            return new BudgetUsage(now, _day.Used, _day.Limit, _month.Used, _month.Limit, level);
        }
    }

    /// <summary>Saves the usage now (the uplink stopping).</summary>
    public void Save()
    {
        lock (_lock)
        {
            var now = Roll();
            SaveIfDue(now, force: true);
        }
    }

    private DateTimeOffset Roll()
    {
        var now = _time.GetUtcNow();
        _day.Roll(now);
        _month.Roll(now);
        if (_chargedPingsTo is { } from && _keepAlive > TimeSpan.Zero && now - from >= _keepAlive)
        {
            var pings = (long)((now - from) / _keepAlive);
            _day.Add(pings * _pingBytes);
            _month.Add(pings * _pingBytes);
            _chargedPingsTo = from + (pings * _keepAlive);
        }

        return now;
    }

    private long KeepAlivesUntil(DateTimeOffset now, DateTimeOffset end) =>
        _keepAlive <= TimeSpan.Zero || end <= now ? 0 : (long)Math.Ceiling((end - now) / _keepAlive) * _pingBytes;

    private void SaveIfDue(DateTimeOffset now, bool force = false)
    {
        if (!force && now - _savedAt < SaveEvery)
        {
            return;
        }

        _savedAt = now;
        var text = string.Join(' ', _day.Start.UtcTicks, _day.Used, _month.Start.UtcTicks, _month.Used);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            DurableFile.Replace(_path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Metering goes on in memory; the next save tries again.
        }
    }

    private void Load()
    {
        try
        {
            var parts = File.ReadAllText(_path).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            _day.Restore(new DateTimeOffset(parts[0], TimeSpan.Zero).ToOffset(_options.UtcOffset), parts[1]);
            _month.Restore(new DateTimeOffset(parts[2], TimeSpan.Zero).ToOffset(_options.UtcOffset), parts[3]);
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException or OverflowException or ArgumentException)
        {
            // No saved usage (first start) or unreadable: start counting from zero.
        }
    }
}
