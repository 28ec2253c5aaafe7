using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Thanhhoa.Iot.Edge.Outbox;

namespace Thanhhoa.Iot.Gateway;

/// <summary>
/// The one place thgw chooses its outbox, for <c>run</c> and for every gateway of <c>simulate</c>
/// (each gets its own configuration, whose Gateway:DataDirectory is that gateway's own directory).
/// </summary>
internal static class OutboxWiring
{
    public static void AddOutbox(IServiceCollection services, IConfiguration configuration)
    {
        services.AddLiteDbOutbox(configuration.GetSection("Outbox"));

        // The outbox lives in the gateway's data directory unless Outbox:DataDirectory says otherwise.
        var explicitDirectory = configuration["Outbox:DataDirectory"];
        var gatewayDirectory = configuration["Gateway:DataDirectory"];
        if (string.IsNullOrEmpty(explicitDirectory) && !string.IsNullOrEmpty(gatewayDirectory))
        {
            services.Configure<OutboxOptions>(o => o.DataDirectory = gatewayDirectory);
        }
    }
}
