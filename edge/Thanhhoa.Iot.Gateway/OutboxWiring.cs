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
        // When LiteDbOutbox lands, this body becomes one line: services.AddLiteDbOutbox(configuration);
        services.AddSingleton<IOutbox>(_ => throw new InvalidOperationException(
            "This build of thgw has no durable outbox wired in (OutboxWiring.AddOutbox), so it cannot run a gateway. " +
            "Use a build that includes the LiteDB outbox."));
    }
}
