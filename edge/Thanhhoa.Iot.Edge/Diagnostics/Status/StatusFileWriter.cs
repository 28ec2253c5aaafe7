using Thanhhoa.Iot.Edge.Budget;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Edge.Diagnostics.Status;

/// <summary>
/// Rewrites <c>status.json</c> in the data directory every <see cref="DiagnosticsOptions.StatusInterval"/>
/// while the gateway runs, and once more with <c>running: false</c> when it stops cleanly, so
/// <c>thgw status</c> can tell running, stopped and hung (stale) apart without talking to the service.
/// </summary>
internal sealed class StatusFileWriter : BackgroundService
{
    private readonly GatewayOptions _gateway;
    private readonly UplinkOptions _uplink;
    private readonly DiagnosticsOptions _options;
    private readonly IUplinkStatus _link;
    private readonly IOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly ILogger<StatusFileWriter> _logger;
    private readonly string _path;
    private readonly DateTimeOffset _startedAt;
    private readonly DataBudget? _budget;
    private bool _failing;

    public StatusFileWriter(
        IOptions<GatewayOptions> gateway,
        IOptions<UplinkOptions> uplink,
        IOptions<DiagnosticsOptions> options,
        IUplinkStatus link,
        IOutbox outbox,
        TimeProvider time,
        ILogger<StatusFileWriter> logger,
        DataBudget? budget = null)
    {
        _budget = budget is { Options.Enabled: true } ? budget : null;
        _gateway = gateway.Value;
        _uplink = uplink.Value;
        _options = options.Value;
        _link = link;
        _outbox = outbox;
        _time = time;
        _logger = logger;
        _path = StatusFile.PathIn(_gateway.DataDirectory);
        _startedAt = time.GetUtcNow();
    }

    /// <summary>Writes the first file before the host counts as started, so <c>thgw status</c> never sees a started service without one.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        WriteNow(running: true);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        WriteNow(running: false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.StatusInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                WriteNow(running: true);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes the last file.
        }
    }

    private void WriteNow(bool running)
    {
        try
        {
            StatusFile.Write(_path, Snapshot(running));
            if (_failing)
            {
                _failing = false;
                DiagnosticsLog.StatusWriteRecovered(_logger, _path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (!_failing)
            {
                _failing = true;
                DiagnosticsLog.StatusWriteFailed(_logger, _path, ex.Message);
            }
        }
    }

    private GatewayStatusDocument Snapshot(bool running) => new(
        _gateway.DeviceId,
        _gateway.Site,
        Version(),
        string.Create(CultureInfo.InvariantCulture, $"{_uplink.Host}:{_uplink.Port}"),
        _uplink.UseTls,
        Environment.ProcessId,
        _startedAt,
        _time.GetUtcNow(),
        _options.StatusInterval,
        running,
        _link.Current,
        OutboxStatusOrNull(),
        _budget?.Usage());

    private OutboxStatus? OutboxStatusOrNull()
    {
        try
        {
            return _outbox.GetStatus();
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or ObjectDisposedException)
        {
            return null; // the status file still tells the link state; the watchdog judges the outbox
        }
    }

    private static string Version()
    {
        var assembly = Assembly.GetEntryAssembly() ?? typeof(StatusFileWriter).Assembly;
        return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
    }
}
