using Prometheus;
using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Metrics;

/// <summary>
/// The cloud's Prometheus metrics, in a registry of their own (one per host, so several hosts in one
/// test process do not share counters). Served at <c>/metrics</c>.
/// </summary>
public sealed class CloudMetrics : IIngestObserver, IStoreWriteObserver
{
    private readonly Counter _readings;
    private readonly Counter _events;
    private readonly Counter _duplicates;
    private readonly Counter _rejects;
    private readonly Counter _storeFailures;
    private readonly Histogram _writeSeconds;
    private readonly Histogram _groupSize;

    public CloudMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        ConnectedGateways = factory.CreateGauge("thiot_gateways_connected", "Device clients connected to the embedded MQTT broker.");
        _readings = factory.CreateCounter("thiot_readings_ingested_total", "Readings stored (new rows only).");
        _events = factory.CreateCounter("thiot_events_ingested_total", "Events stored (new rows only).");
        _duplicates = factory.CreateCounter("thiot_duplicates_dropped_total", "Rows dropped because (device, sequence) was already stored.", "kind");
        _rejects = factory.CreateCounter("thiot_rejects_total", "Messages refused, by reason.", "reason");
        _storeFailures = factory.CreateCounter("thiot_ingest_store_failures_total", "Messages not acknowledged because storing failed.");
        _writeSeconds = factory.CreateHistogram("thiot_store_write_seconds", "Time to commit one group of writes durably.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14) });
        _groupSize = factory.CreateHistogram("thiot_store_group_size", "Writes committed together in one transaction.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(1, 2, 10) });
    }

    public CollectorRegistry Registry { get; }

    public Gauge ConnectedGateways { get; }

    public void ReadingsAppended(int added, int duplicates)
    {
        _readings.Inc(added);
        _duplicates.WithLabels("reading").Inc(duplicates);
    }

    public void EventsAppended(int added, int duplicates)
    {
        _events.Inc(added);
        _duplicates.WithLabels("event").Inc(duplicates);
    }

    public void Rejected(string reason) => _rejects.WithLabels(reason).Inc();

    public void StoreFailed() => _storeFailures.Inc();

    public void Committed(int requests, TimeSpan elapsed)
    {
        _writeSeconds.Observe(elapsed.TotalSeconds);
        _groupSize.Observe(requests);
    }
}
