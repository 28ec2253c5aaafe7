using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Edge.Hosting;

/// <summary>
/// One gateway composed into its own small service provider (no host: a fleet of hundreds shares one
/// process, one logger factory and one clock). Started and stopped like a host would.
/// </summary>
public sealed class GatewayInstance : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private IReadOnlyList<IHostedService> _started = [];

    private GatewayInstance(string deviceId, ServiceProvider services)
    {
        DeviceId = deviceId;
        _services = services;
    }

    public string DeviceId { get; }

    public IUplinkStatus Uplink => _services.GetRequiredService<IUplinkStatus>();

    public IOutbox Outbox => _services.GetRequiredService<IOutbox>();

    public IServiceProvider Services => _services;

    /// <summary>Composes a gateway with <see cref="GatewayServiceCollectionExtensions.AddGateway"/> plus <paramref name="compose"/> (the outbox, shared singletons).</summary>
    public static GatewayInstance Create(IConfiguration configuration, Action<IServiceCollection, IConfiguration> compose)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        compose(services, configuration);
        services.AddGateway(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var deviceId = provider.GetRequiredService<IOptions<GatewayOptions>>().Value.DeviceId;
        return new GatewayInstance(deviceId, provider);
    }

    /// <summary>Validates options (as a host does at start) and starts the hosted services in order.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _services.GetService<IStartupValidator>()?.Validate();
        var hosted = _services.GetServices<IHostedService>().ToList();
        var started = new List<IHostedService>();
        foreach (var service in hosted)
        {
            await service.StartAsync(cancellationToken).ConfigureAwait(false);
            started.Add(service);
        }

        _started = started;
    }

    /// <summary>Stops the hosted services in reverse order (the uplink says goodbye).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var service in _started.Reverse())
        {
            await service.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        _started = [];
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
