using System.Text;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.TestSupport.Vectors;

namespace Thanhhoa.Iot.Contracts.Tests.Vectors;

[TestFixture]
[Category("Unit")]
public sealed class GoldenVectorJsonTests
{
    [TestCaseSource(typeof(GoldenVectorCases), nameof(GoldenVectorCases.ValidJson))]
    public void Decode_ValidVector_ReEncodesByteForByte(GoldenVector vector)
    {
        var payload = vector.ReadPayload();
        var again = VectorCodec.Encode(VectorCodec.Decode(vector), vector.ContentType);
        Assert.That(Encoding.UTF8.GetString(again), Is.EqualTo(Encoding.UTF8.GetString(payload)));
    }

    [TestCaseSource(typeof(GoldenVectorCases), nameof(GoldenVectorCases.InvalidJson))]
    public void Decode_InvalidVector_RejectedWithManifestReasonAndField(GoldenVector vector)
    {
        var ex = Assert.Throws<ContractViolationException>(() => VectorCodec.Decode(vector))!;
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((vector.Reason!.Value, vector.Field)), ex.Message);
    }

    [TestCaseSource(typeof(GoldenVectorCases), nameof(GoldenVectorCases.ValidJson))]
    public void Schema_ValidVector_Accepts(GoldenVector vector)
    {
        var verdict = ContractSchemas.Validate(vector);
        Assert.That(verdict.IsValid, Is.True, verdict.ToString());
    }

    [TestCaseSource(typeof(GoldenVectorCases), nameof(GoldenVectorCases.InvalidJsonSchemaRejects))]
    public void Schema_InvalidVectorMarkedSchemaRejects_Rejects(GoldenVector vector)
    {
        Assert.That(ContractSchemas.Validate(vector).IsValid, Is.False);
    }

    [TestCaseSource(typeof(GoldenVectorCases), nameof(GoldenVectorCases.InvalidJsonSchemaAccepts))]
    public void Schema_InvalidVectorMarkedSchemaAccepts_AcceptsSoOnlyTheCodecCatchesIt(GoldenVector vector)
    {
        var verdict = ContractSchemas.Validate(vector);
        Assert.That(verdict.IsValid, Is.True, verdict.ToString());
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
