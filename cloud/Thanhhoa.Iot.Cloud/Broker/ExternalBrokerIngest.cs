using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Ingest;

namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>
/// Ingest from an external MQTT 5 broker (Broker:Mode = External), e.g. mosquitto or an EMQX cluster.
/// The cloud keeps two persistent sessions (clean start off, long session expiry), the telemetry lane and
/// the control lane (<see cref="IngestLanes"/>), so alarms, births, deaths and command results are never
/// queued behind a telemetry backlog. Each acknowledges a message only after it is stored, so messages
/// that arrive while the cloud is down or slow wait in the broker instead of being lost. The device
/// identity comes from the topic: the broker's ACL must let each device publish only under its own
/// thiot/v1/{id}/up/ (see DESIGN.md), because nothing here can tell who published.
/// </summary>
public sealed class ExternalBrokerIngest : BackgroundService, IBrokerStatus
{
    private readonly ExternalBrokerOptions _options;
    private readonly IngestLane _telemetry;
    private readonly IngestLane _control;

    public ExternalBrokerIngest(IOptions<BrokerOptions> options, IngestPipeline pipeline, TimeProvider time, ILogger<ExternalBrokerIngest> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.External;
        _telemetry = new IngestLane(IngestLanes.Telemetry(_options), _options, pipeline, time, logger);
        _control = new IngestLane(IngestLanes.Control(_options), _options, pipeline, time, logger);
    }

    /// <summary>Both lanes connected and subscribed: messages published now reach ingest.</summary>
    public bool IsReady => _telemetry.IsReady && _control.IsReady;

    public string Description =>
        $"external MQTT broker {_options.Host}:{_options.Port} (telemetry lane {State(_telemetry)}, control lane {State(_control)})";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var control = _control.RunAsync(stoppingToken);
        // The control lane subscribes first: a session from before the lanes drops its all-up/ filter when the
        // telemetry lane connects, and control messages published in between must already have a subscriber.
        try
        {
            await _control.FirstSubscribed.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await control.ConfigureAwait(false);
            return;
        }

        await Task.WhenAll(control, _telemetry.RunAsync(stoppingToken)).ConfigureAwait(false);
    }

    private static string State(IngestLane lane) => $"{lane.Spec.ClientId} {(lane.IsReady ? "connected" : "not connected")}";
}
