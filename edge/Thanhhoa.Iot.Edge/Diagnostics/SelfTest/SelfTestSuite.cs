using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        ["contract-codec", "litedb-durable", "clock", "iot-libraries", "crypto-tls", "icu-vi-vn", "composition"];

    /// <param name="texts">The technician's language.</param>
    /// <param name="time">The clock the gateway runs on.</param>
    /// <param name="scratchDirectory">Where the LiteDB check may create (and then delete) a directory.</param>
    /// <param name="compose">The gateway's composition as <c>run</c> uses it, given an outbox registration (the check passes one that keeps nothing).</param>
    public static IReadOnlyList<IDiagnosticCheck> Create(
        Texts texts, TimeProvider time, string scratchDirectory, Action<IServiceCollection, IConfiguration, Action<IServiceCollection>> compose) =>
    [
        new ContractCodecCheck(texts),
        new LiteDbDurabilityCheck(texts, scratchDirectory),
        new ClockCheck(texts, time),
        new IotLibrariesCheck(texts),
        new CryptoCheck(texts, time),
        new CultureCheck(texts),
        new CompositionCheck(texts, time, (services, configuration) => compose(services, configuration, CompositionCheck.AddDiscardingOutbox)),
    ];
}
