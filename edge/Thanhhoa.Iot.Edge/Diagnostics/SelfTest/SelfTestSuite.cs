using Thanhhoa.Iot.Edge.Diagnostics.Checks;
using Thanhhoa.Iot.Edge.Diagnostics.Text;

namespace Thanhhoa.Iot.Edge.Diagnostics.SelfTest;

/// <summary>
/// The checks of <c>thgw selftest</c>: does this binary work on this board and runtime, with no broker,
/// no configuration and no hardware. Each proves one thing the gateway depends on.
/// </summary>
public static class SelfTestSuite
{
    /// <summary>The stable names of the checks, in the order they run.</summary>
    public static IReadOnlyList<string> CheckNames { get; } =
        ["contract-codec", "litedb-durable", "clock", "iot-libraries", "crypto-tls", "icu-vi-vn"];

    /// <param name="texts">The technician's language.</param>
    /// <param name="time">The clock the gateway runs on.</param>
    /// <param name="scratchDirectory">Where the LiteDB check may create (and then delete) a directory.</param>
    public static IReadOnlyList<IDiagnosticCheck> Create(Texts texts, TimeProvider time, string scratchDirectory) =>
    [
        new ContractCodecCheck(texts),
        new LiteDbDurabilityCheck(texts, scratchDirectory),
        new ClockCheck(texts, time),
        new IotLibrariesCheck(texts),
        new CryptoCheck(texts, time),
        new CultureCheck(texts),
    ];
}
