using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Diagnostics.Checks;
using Thanhhoa.Iot.Edge.Diagnostics.Text;

namespace Thanhhoa.Iot.Edge.Diagnostics.SelfTest;

/// <summary>Encodes a telemetry batch, decodes it back unchanged, and sees an invalid payload refused.</summary>
internal sealed class ContractCodecCheck(Texts texts) : IDiagnosticCheck
{
    public string Name => "contract-codec";

    public string? Progress => null;

    public Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var at = new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);
        var batch = new TelemetryBatch
        {
            Version = ContractInfo.Version,
            SeqFrom = 41,
            SeqTo = 42,
            Readings =
            [
                new Reading { Seq = 41, Channel = "battery_v", Timestamp = at, Value = 52.125, Quality = Quality.Good },
                new Reading { Seq = 42, Channel = "mains", Timestamp = at.AddSeconds(5), Value = 0, Quality = Quality.Uncertain },
            ],
        };
        var bytes = JsonCodec.Encode(batch);
        var back = JsonCodec.DecodeTelemetry(bytes);
        if (back.SeqFrom != batch.SeqFrom || back.SeqTo != batch.SeqTo || !back.Readings.SequenceEqual(batch.Readings))
        {
            return Task.FromResult(CheckResult.Fail(Name, texts[TextKey.CodecMismatch], texts[TextKey.BrokenBuildFix]));
        }

        var invalid = System.Text.Encoding.UTF8.GetBytes("{\"v\":1,\"seqFrom\":2,\"seqTo\":1,\"readings\":[]}");
        try
        {
            JsonCodec.DecodeTelemetry(invalid);
            return Task.FromResult(CheckResult.Fail(Name, texts[TextKey.CodecAcceptedInvalid], texts[TextKey.BrokenBuildFix]));
        }
        catch (ContractViolationException ex)
        {
            return Task.FromResult(CheckResult.Ok(Name, texts.Format(TextKey.CodecOk, batch.Readings.Count, bytes.Length, ex.Reason)));
        }
    }
}
