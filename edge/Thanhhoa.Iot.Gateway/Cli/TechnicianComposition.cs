using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Edge.Diagnostics;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Gateway.Cli;

/// <summary>
/// The gateway composed as <c>run</c> composes it, but never started and with an outbox that keeps
/// nothing: the technician's verbs validate its options and read its channels. Settings are bound
/// without validation, so doctor can still test the broker when some other setting is wrong.
/// </summary>
internal sealed class TechnicianComposition : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TechnicianComposition(IConfiguration configuration, ServiceProvider services)
    {
        Configuration = configuration;
        _services = services;
    }

    public IConfiguration Configuration { get; }

    public GatewayOptions Gateway => Bind<GatewayOptions>(GatewayOptions.SectionName);

    public UplinkOptions Uplink => Bind<UplinkOptions>(UplinkOptions.SectionName);

    /// <summary>Sensing:ReadTimeout, or its default when the configured one is unusable (the config check reports that).</summary>
    public TimeSpan ReadTimeout => Bind<SensorPollerOptions>(SensorPollerOptions.SectionName).ReadTimeout is var t && t > TimeSpan.Zero
        ? t
        : new SensorPollerOptions().ReadTimeout;

    public static TechnicianComposition Create()
    {
        var configuration = GatewayConfiguration.Build();
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(); // no providers: drivers' logs would only clutter the technician's screen
        GatewayComposition.Add(services, configuration, (s, _) => s.AddSingleton<IOutbox, DiscardingOutbox>());
        return new TechnicianComposition(configuration, services.BuildServiceProvider());
    }

    /// <summary>Runs the validation <c>run</c> runs at start; returns every failure.</summary>
    public IReadOnlyList<string> Validate()
    {
        try
        {
            _services.GetService<IStartupValidator>()?.Validate();
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return ex.Failures.ToList();
        }
        catch (AggregateException ex)
        {
            return ex.InnerExceptions.SelectMany(e => e is OptionsValidationException o ? o.Failures : [e.Message]).ToList();
        }
    }

    /// <summary>The configured channels, or why they could not be composed.</summary>
    public (IReadOnlyList<ISensorChannel> Channels, string? Error) Channels()
    {
        try
        {
            return (_services.GetServices<ISensorChannel>().ToList(), null);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OptionsValidationException or ArgumentException or IOException)
        {
            return ([], ex.Message);
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private T Bind<T>(string section)
        where T : new()
    {
        var options = new T();
        try
        {
            Configuration.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException)
        {
            // A value that does not even parse: keep the defaults here; the config check names it.
        }

        return options;
    }
}
