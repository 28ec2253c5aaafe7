using Prometheus;
using Thanhhoa.Iot.Cloud.Metrics;

namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>Command metrics in the cloud's registry: commands by final state, round-trip time, late results.</summary>
public sealed class CommandMetrics : ICommandObserver
{
    private readonly Counter _created;
    private readonly Counter _finished;
    private readonly Counter _late;
    private readonly Histogram _roundTrip;

    public CommandMetrics(CloudMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var factory = Prometheus.Metrics.WithCustomRegistry(metrics.Registry);
        _created = factory.CreateCounter("thiot_commands_created_total", "Commands created (one per device).");
        _finished = factory.CreateCounter("thiot_commands_finished_total", "Commands that reached a final state, by state.", "state");
        _late = factory.CreateCounter("thiot_command_late_results_total", "Results that arrived after the command had expired or was cancelled.");
        _roundTrip = factory.CreateHistogram("thiot_command_roundtrip_seconds", "From creation to the gateway's result reaching the cloud.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.005, 2, 16) });
    }

    public void Changed(CommandRecord? before, CommandRecord after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (before is null)
        {
            _created.Inc();
            return;
        }

        if (!before.IsFinal && after.IsFinal)
        {
            _finished.WithLabels(after.Status.ToString()).Inc();
        }

        if (before.ResultReceivedAt is null && after.ResultReceivedAt is { } received)
        {
            _roundTrip.Observe((received - after.CreatedAt).TotalSeconds);
            if (after.Late)
            {
                _late.Inc();
            }
        }
    }
}
