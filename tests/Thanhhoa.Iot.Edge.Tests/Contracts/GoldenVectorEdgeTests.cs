using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.TestSupport.Vectors;

namespace Thanhhoa.Iot.Edge.Tests.Contracts;

/// <summary>
/// The golden vectors seen from the gateway's build: the contracts assembly the edge ships with
/// reproduces every valid payload byte for byte and refuses every invalid one for the stated reason.
/// </summary>
[TestFixture]
[Category("Unit")]
public sealed class GoldenVectorEdgeTests
{
    [TestCaseSource(typeof(GoldenVectorCases), nameof(GoldenVectorCases.Valid))]
    public void Encode_DecodedValidVector_ReproducesThePayload(GoldenVector vector)
    {
        var (expected, actual) = VectorCodec.RoundTrip(vector);
        Assert.That(actual, Is.EqualTo(expected));
    }

    [TestCaseSource(typeof(GoldenVectorCases), nameof(GoldenVectorCases.Invalid))]
    public void Decode_InvalidVector_RefusedForTheManifestReason(GoldenVector vector)
    {
        var ex = Assert.Throws<ContractViolationException>(() => VectorCodec.Decode(vector))!;
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((vector.Reason!.Value, vector.Field)), ex.Message);
    }
}
