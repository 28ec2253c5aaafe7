using NUnit.Framework;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Topics;

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

    /// <summary>Valid vectors of what ingest stores as rows or link state: telemetry, events, state.</summary>
    public static IEnumerable<TestCaseData> ValidTelemetryEventsState => Cases(GoldenVectors.Valid().Where(IsTelemetryEventsState));

    /// <summary>Invalid vectors of telemetry, events and state.</summary>
    public static IEnumerable<TestCaseData> InvalidTelemetryEventsState => Cases(GoldenVectors.Invalid().Where(IsTelemetryEventsState));

    /// <summary>Valid vectors of command results and configuration reports (up/cmd-result, up/config-reported).</summary>
    public static IEnumerable<TestCaseData> ValidControlUp => Cases(GoldenVectors.Valid().Where(IsControlUp));

    /// <summary>Invalid vectors of command results and configuration reports.</summary>
    public static IEnumerable<TestCaseData> InvalidControlUp => Cases(GoldenVectors.Invalid().Where(IsControlUp));

    /// <summary>Valid vectors of <c>down/firmware</c> and <c>up/firmware-reported</c>.</summary>
    public static IEnumerable<TestCaseData> ValidFirmware => Cases(GoldenVectors.Valid().Where(IsFirmware));

    /// <summary>Invalid vectors of <c>down/firmware</c> and <c>up/firmware-reported</c>.</summary>
    public static IEnumerable<TestCaseData> InvalidFirmware => Cases(GoldenVectors.Invalid().Where(IsFirmware));

    private static bool IsFirmware(GoldenVector v) => v.Message is TopicKind.Firmware or TopicKind.FirmwareReported;

    private static bool IsTelemetryEventsState(GoldenVector v) => v.Message is TopicKind.Telemetry or TopicKind.Events or TopicKind.State;

    private static bool IsControlUp(GoldenVector v) => v.Message is TopicKind.CommandResult or TopicKind.ConfigReported;

    private static IEnumerable<TestCaseData> Cases(IEnumerable<GoldenVector> vectors) =>
        vectors.Select(v => new TestCaseData(v).SetArgDisplayNames(v.Name));
}
