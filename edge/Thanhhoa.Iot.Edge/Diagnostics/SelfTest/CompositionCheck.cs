using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Edge.Diagnostics.Checks;
using Thanhhoa.Iot.Edge.Diagnostics.Doctor;
using Thanhhoa.Iot.Edge.Diagnostics.Text;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;

namespace Thanhhoa.Iot.Edge.Diagnostics.SelfTest;

/// <summary>
/// The gateway composes as <c>run</c> composes it, from a built-in test configuration (simulated
/// site, outbox that keeps nothing): settings bind, validators are constructed and pass, channels
/// resolve and one reads. This is what a trimmed build breaks (reflection-based binding and DI).
/// </summary>
internal sealed class CompositionCheck(Texts texts, TimeProvider time, Action<IServiceCollection, IConfiguration> compose) : IDiagnosticCheck
{
    private const string DeviceId = "selftest-0001";

    public string Name => "composition";

    public string? Progress => null;

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:DeviceId"] = DeviceId,
            ["Gateway:DataDirectory"] = Path.GetTempPath(),
            ["Uplink:Port"] = "8883",
            ["Site:Hardware"] = "fake",
            ["Site:Channels:0:Id"] = "mains",
            ["Site:Channels:0:Driver"] = "gpio-in",
            ["Site:Channels:0:Pin"] = "5",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        compose(services, configuration);
        await using var provider = services.BuildServiceProvider();
        provider.GetService<IStartupValidator>()?.Validate();
        var bound = provider.GetRequiredService<IOptions<GatewayOptions>>().Value.DeviceId;
        var channels = provider.GetServices<ISensorChannel>().ToList();
        if (bound != DeviceId || channels.Count == 0)
        {
            return CheckResult.Fail(Name, texts.Format(TextKey.CompositionWrong, bound, channels.Count), texts[TextKey.BrokenBuildFix]);
        }

        var readout = await ChannelProbe.ReadAsync(channels[0], TimeSpan.FromSeconds(5), time, cancellationToken).ConfigureAwait(false);
        return readout.IsGood
            ? CheckResult.Ok(Name, texts.Format(TextKey.CompositionOk, channels.Count, readout.Channel))
            : CheckResult.Fail(Name, texts.Format(TextKey.SensorFailed, readout.Error ?? readout.Quality.ToString()), texts[TextKey.BrokenBuildFix]);
    }

    /// <summary>The outbox the check composes with: nothing is kept.</summary>
    public static void AddDiscardingOutbox(IServiceCollection services) => services.AddSingleton<IOutbox, DiscardingOutbox>();
}
