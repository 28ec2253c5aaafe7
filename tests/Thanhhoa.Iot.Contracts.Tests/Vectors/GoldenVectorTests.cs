using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.TestSupport.Vectors;

namespace Thanhhoa.Iot.Contracts.Tests.Vectors;

/// <summary>Every golden vector, every encoding, through the contract's codecs.</summary>
[TestFixture]
[Category("Unit")]
public sealed class GoldenVectorTests
{
    [TestCaseSource(typeof(GoldenVectorCases), nameof(GoldenVectorCases.Valid))]
    public void Decode_ValidVector_ReEncodesByteForByte(GoldenVector vector)
    {
        var (expected, actual) = VectorCodec.RoundTrip(vector);
        Assert.That(Convert.ToHexString(actual), Is.EqualTo(Convert.ToHexString(expected)));
    }

    [TestCaseSource(typeof(GoldenVectorCases), nameof(GoldenVectorCases.Invalid))]
    public void Decode_InvalidVector_RejectedWithManifestReasonAndField(GoldenVector vector)
    {
        var ex = Assert.Throws<ContractViolationException>(() => VectorCodec.Decode(vector))!;
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((vector.Reason!.Value, vector.Field)), ex.Message);
    }

    [TestCaseSource(typeof(GoldenVectorCases), nameof(GoldenVectorCases.ValidWithJsonTwin))]
    public void Decode_BinaryVector_SameMessageAsItsJsonTwin(GoldenVector vector)
    {
        var twin = GoldenVectors.All().Single(v => v.File == vector.SameAs);
        var fromBinary = VectorCodec.Encode(VectorCodec.Decode(vector), ContractInfo.JsonContentType);
        Assert.That(fromBinary, Is.EqualTo(twin.ReadPayload()));
    }

    [TestCaseSource(typeof(GoldenVectorCases), nameof(GoldenVectorCases.All))]
    public void Manifest_Vector_TopicMatchesMessage(GoldenVector vector)
    {
        Assert.Multiple(() =>
        {
            Assert.That(vector.Topic, Is.EqualTo(DeviceTopics.SuffixOf(vector.Message)));
            Assert.That(DeviceTopics.TryParse($"{DeviceTopics.Root}/bts-th-0042/{vector.Topic}", out var parsed), Is.True);
            Assert.That(parsed.Kind, Is.EqualTo(vector.Message));
        });
    }
}
