using NUnit.Framework;
using Thanhhoa.Iot.Contracts;

namespace Thanhhoa.Iot.TestSupport.Vectors;

/// <summary>
/// Golden vectors as NUnit case sources, one named case per vector:
/// <c>[TestCaseSource(typeof(GoldenVectorCases), nameof(GoldenVectorCases.ValidJson))]</c>.
/// </summary>
public static class GoldenVectorCases
{
    /// <summary>Every vector.</summary>
    public static IEnumerable<TestCaseData> All => Cases(GoldenVectors.All());

    /// <summary>Valid vectors of every encoding.</summary>
    public static IEnumerable<TestCaseData> Valid => Cases(GoldenVectors.Valid());

    /// <summary>Invalid vectors of every encoding.</summary>
    public static IEnumerable<TestCaseData> Invalid => Cases(GoldenVectors.Invalid());

    /// <summary>Valid binary vectors that name the JSON vector they decode to.</summary>
    public static IEnumerable<TestCaseData> ValidWithJsonTwin => Cases(GoldenVectors.Valid().Where(v => v.SameAs is not null));

    /// <summary>Valid JSON vectors.</summary>
    public static IEnumerable<TestCaseData> ValidJson => Cases(GoldenVectors.Valid(ContractInfo.JsonContentType));

    /// <summary>Invalid JSON vectors.</summary>
    public static IEnumerable<TestCaseData> InvalidJson => Cases(GoldenVectors.Invalid(ContractInfo.JsonContentType));

    /// <summary>Invalid JSON vectors a JSON Schema validator refuses too.</summary>
    public static IEnumerable<TestCaseData> InvalidJsonSchemaRejects =>
        Cases(GoldenVectors.Invalid(ContractInfo.JsonContentType).Where(v => v.SchemaRejects == true));

    /// <summary>Invalid JSON vectors only the codec can refuse (sequence rules, duplicate keys).</summary>
    public static IEnumerable<TestCaseData> InvalidJsonSchemaAccepts =>
        Cases(GoldenVectors.Invalid(ContractInfo.JsonContentType).Where(v => v.SchemaRejects == false));

    private static IEnumerable<TestCaseData> Cases(IEnumerable<GoldenVector> vectors) =>
        vectors.Select(v => new TestCaseData(v).SetArgDisplayNames(v.Name));
}
