using NUnit.Framework;
using Thanhhoa.Iot.TestSupport.Vectors;

namespace Thanhhoa.Iot.Contracts.Tests.Vectors;

/// <summary>The JSON Schemas agree with the codec on every JSON vector, as far as a schema can.</summary>
[TestFixture]
[Category("Unit")]
public sealed class GoldenVectorSchemaTests
{
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
}
