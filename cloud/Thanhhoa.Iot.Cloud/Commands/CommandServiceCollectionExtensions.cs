using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Broker;
using Thanhhoa.Iot.Cloud.Commands.Postgres;
using Thanhhoa.Iot.Cloud.Coordination;
using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Commands;

public static class CommandServiceCollectionExtensions
{
    /// <summary>
    /// Registers the command service (LiteDB or PostgreSQL store by Storage:Provider, embedded-broker delivery, result ingest, background
    /// worker with the expiry sweep) and the authorization policies of the command and configuration APIs.
    /// </summary>
    public static IServiceCollection AddCommands(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CloudCommandOptions>().Bind(configuration.GetSection(CloudCommandOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CloudCommandOptions>, CloudCommandOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        if (StorageOptions.IsPostgres(configuration))
        {
            services.TryAddSingleton<ICommandStore, PostgresCommandStore>();
        }
        else
        {
            services.TryAddSingleton<ICommandStore, LiteCommandStore>();
        }

        services.TryAddSingleton<CommandRequestValidator>();
        services.TryAddSingleton<CommandService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandObserver, CommandMetrics>());
        services.TryAddSingleton<CommandWorkQueue>();
        services.TryAddSingleton<ICommandAcknowledgements>(sp => sp.GetRequiredService<CommandWorkQueue>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IIngestListener, CommandWorkQueue>(sp => sp.GetRequiredService<CommandWorkQueue>()));
        services.AddHostedService<CommandWorker>();
        services.AddSingleton<ISingletonJob, CommandSweepJob>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IUpMessageConsumer, CommandResultConsumer>());
        if (configuration.GetSection(BrokerOptions.Section).GetValue(nameof(BrokerOptions.Mode), BrokerMode.Embedded) == BrokerMode.External)
        {
            services.TryAddSingleton<IDownlinkPublisher, ExternalDownlinkPublisher>();
        }
        else
        {
            services.TryAddSingleton<EmbeddedDownlinkPublisher>();
            services.TryAddSingleton<IDownlinkPublisher>(sp => sp.GetRequiredService<EmbeddedDownlinkPublisher>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IEmbeddedBrokerAttachment, EmbeddedDownlinkPublisher>(sp => sp.GetRequiredService<EmbeddedDownlinkPublisher>()));
        }

        services.AddCommandPolicies();
        return services;
    }

    /// <summary>
    /// The named policies <see cref="ApiPolicies.Operator"/> and <see cref="ApiPolicies.Admin"/>, with the role
    /// checks of Security (docs/security.md): under <c>operator</c> operators and admins read, only admins send
    /// or cancel commands (the operator role reads and acknowledges alarms); <c>admin</c> is admins only.
    /// </summary>
    public static IServiceCollection AddCommandPolicies(this IServiceCollection services)
    {
        var scheme = Security.Authorization.ApiKeyAuthenticationHandler.SchemeName;
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Operator, Security.Authorization.ApiPolicies.ReadsForOperatorsWritesForAdmins(scheme))
            .AddPolicy(ApiPolicies.Admin, Security.Authorization.ApiPolicies.AdminsOnly(scheme));
        return services;
    }
}
