using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.TestSupport.Vectors;

namespace Thanhhoa.Iot.Benchmarks.Contracts;

/// <summary>
/// Bytes per reading of the reference BTS batch in the benchmark case's encoding: the payload alone,
/// or the whole MQTT 5 QoS 1 PUBLISH (fixed header, topic, packet id, content type, payload).
/// </summary>
public sealed class WireBytesPerReadingColumn(bool wire) : IColumn
{
    public string Id => wire ? "WireBytesPerReading" : "PayloadBytesPerReading";

    public string ColumnName => wire ? "B/reading (wire)" : "B/reading (payload)";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => wire ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => wire
        ? "Bytes per reading of one MQTT 5 PUBLISH carrying the reference batch (20 channels x 15 readings)"
        : "Payload bytes per reading of the reference batch";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => Compute(benchmarkCase).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    private double Compute(BenchmarkCase benchmarkCase)
    {
        var encoding = (PayloadEncoding)benchmarkCase.Parameters["Encoding"];
        var batch = ReferenceBtsBatch.Create();
        var payload = PayloadCodec.Encode(batch, encoding);
        var bytes = wire
            ? MqttWireSize.Publish(DeviceTopics.For(ReferenceBtsBatch.DeviceId, TopicKind.Telemetry), PayloadCodec.ContentTypeOf(encoding), payload)
            : payload.Length;
        return (double)bytes / batch.Readings.Count;
    }
}
