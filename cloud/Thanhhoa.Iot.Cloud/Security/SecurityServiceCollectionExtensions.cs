using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Broker;
using Thanhhoa.Iot.Cloud.Provisioning;
using Thanhhoa.Iot.Cloud.Security.ApiKeys;
using Thanhhoa.Iot.Cloud.Security.Audit;
using Thanhhoa.Iot.Cloud.Security.Authorization;
using Thanhhoa.Iot.Cloud.Security.BrokerAccess;
using Thanhhoa.Iot.Cloud.Security.Credentials;
using Thanhhoa.Iot.Cloud.Security.Enrollment;
using Thanhhoa.Iot.Cloud.Security.Postgres;
using Thanhhoa.Iot.Cloud.Security.Tls;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// API keys with roles, audit, enrollment and provisioning, device credentials for the broker (call
    /// before <c>AddBroker</c>, so the credential authenticator replaces the id-only one), TLS certificates,
    /// and the external broker's credential sync when configured.
    /// </summary>
    public static IServiceCollection AddCloudSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.AddOptions<ProvisioningOptions>().Bind(configuration.GetSection(ProvisioningOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<SecurityModeNotice>();
        AddStores(services, configuration);
        AddBrokerSecurity(services, configuration);
        AddApiSecurity(services);
        services.AddSingleton<EnrollmentTokens>();
        services.AddSingleton<DeviceRevocation>();
        services.AddSingleton<BrokerEndpointAdvertiser>();
        services.AddSingleton<ProvisioningService>();
        return services;
    }

    /// <summary>
    /// Authentication, then the audit record of writes (so refusals are recorded too), then authorization.
    /// Call after the dashboard's static files, which stay anonymous (the page asks for a key itself).
    /// </summary>
    public static WebApplication UseCloudSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseMiddleware<AuditMiddleware>();
        app.UseAuthorization();
        return app;
    }

    public static IEndpointRouteBuilder MapSecurityApis(this IEndpointRouteBuilder app) => app
        .MapProvisioningApi().MapEnrollmentTokensApi().MapApiKeysApi().MapDeviceCredentialsApi().MapAuditApi().MapMeApi().MapSessionApi().MapBrokerAuthApi();

    // With PostgreSQL every cloud node shares keys, tokens, credentials and the audit log.
    private static void AddStores(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SecurityPaths>();
        if (StorageOptions.IsPostgres(configuration))
        {
            services.AddSingleton<IApiKeyStore, PostgresApiKeyStore>();
            services.AddSingleton<IEnrollmentTokenStore, PostgresEnrollmentTokenStore>();
            services.AddSingleton<IDeviceCredentialStore, PostgresDeviceCredentialStore>();
            services.AddSingleton<IAuditLog, PostgresAuditLog>();
            services.AddSingleton<ISecurityStateStore, PostgresSecurityStateStore>();
            return;
        }

        services.AddSingleton<IApiKeyStore, LiteApiKeyStore>();
        services.AddSingleton<IEnrollmentTokenStore, LiteEnrollmentTokenStore>();
        services.AddSingleton<IDeviceCredentialStore, LiteDeviceCredentialStore>();
        services.AddSingleton<IAuditLog, LiteAuditLog>();
        services.AddSingleton<ISecurityStateStore, LiteSecurityStateStore>();
    }

    private static void AddBrokerSecurity(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<BrokerServiceIdentity>();
        services.AddHostedService(sp => sp.GetRequiredService<BrokerServiceIdentity>());
        services.AddSingleton<IClientAuthenticator, DeviceCredentialAuthenticator>();
        services.AddSingleton<IBrokerCertificates, BrokerCertificateStore>();
        services.AddSingleton<IngestMemberCache>();

        var mode = configuration.GetSection(BrokerOptions.Section).GetValue(nameof(BrokerOptions.Mode), BrokerMode.Embedded);
        var dynsec = configuration.GetSection(SecurityOptions.Section).GetSection(nameof(SecurityOptions.DynamicSecurity)).GetValue<bool>(nameof(DynamicSecurityOptions.Enabled));
        if (mode == BrokerMode.Embedded)
        {
            services.AddSingleton<IBrokerAccessSync, EmbeddedBrokerAccess>();
        }
        else if (dynsec)
        {
            services.AddSingleton<MosquittoDynamicSecurity>();
            services.AddSingleton<IBrokerAccessSync>(sp => sp.GetRequiredService<MosquittoDynamicSecurity>());
            services.AddHostedService(sp => sp.GetRequiredService<MosquittoDynamicSecurity>());
        }
    }

    private static void AddApiSecurity(IServiceCollection services)
    {
        services.AddSingleton<ApiKeyService>();
        services.AddHostedService<BootstrapAdminKey>();
        services.AddSingleton<SiteScope>();
        services.AddSingleton<IAuthorizationHandler, ApiAccessHandler>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(o => ApiPolicies.Add(o, ApiKeyAuthenticationHandler.SchemeName));
    }
}
