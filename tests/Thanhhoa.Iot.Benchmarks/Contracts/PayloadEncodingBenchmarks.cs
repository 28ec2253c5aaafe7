using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.TestSupport.Vectors;

namespace Thanhhoa.Iot.Benchmarks.Contracts;

/// <summary>
/// JSON vs CBOR vs CBOR+deflate on the reference BTS batch (20 channels × 15 readings): encode and
/// decode time per batch, and bytes per reading on the wire (MQTT 5 PUBLISH included) as a column.
/// <c>dotnet run -c Release --project tests/Thanhhoa.Iot.Benchmarks -- --filter '*PayloadEncoding*'</c>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WireColumns))]
public class PayloadEncodingBenchmarks
{
    private TelemetryBatch _batch = null!;
    private byte[] _payload = null!;
    private string _contentType = null!;

    /// <summary>The encoding under test.</summary>
    [Params(PayloadEncoding.Json, PayloadEncoding.Cbor, PayloadEncoding.CborDeflate)]
    public PayloadEncoding Encoding { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _batch = ReferenceBtsBatch.Create();
        _payload = PayloadCodec.Encode(_batch, Encoding);
        _contentType = PayloadCodec.ContentTypeOf(Encoding);
    }

    [Benchmark]
    public byte[] Encode() => PayloadCodec.Encode(_batch, Encoding);

    [Benchmark]
    public TelemetryBatch Decode() => PayloadCodec.DecodeTelemetry(_contentType, _payload);

    private sealed class WireColumns : ManualConfig
    {
        public WireColumns()
        {
            AddColumn(new WireBytesPerReadingColumn(wire: false), new WireBytesPerReadingColumn(wire: true));
        }
    }
}
