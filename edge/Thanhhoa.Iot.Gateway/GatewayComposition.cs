using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Thanhhoa.Iot.Edge.Diagnostics;
using Thanhhoa.Iot.Edge.Hosting;

namespace Thanhhoa.Iot.Gateway;

/// <summary>
/// The one composition of the gateway service: <c>run</c> calls it with the durable outbox, the
/// technician's verbs with a <see cref="DiscardingOutbox"/> (to validate the same options and read the
/// same channels without touching the service's database). Add new gateway parts here, once.
/// </summary>
internal static class GatewayComposition
{
    public static void Add(IServiceCollection services, IConfiguration configuration, Action<IServiceCollection, IConfiguration> addOutbox)
    {
        addOutbox(services, configuration);
        services.AddGateway(configuration);
        services.AddGatewayDiagnostics(configuration);
    }
}
