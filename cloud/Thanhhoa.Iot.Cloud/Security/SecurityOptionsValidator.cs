using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Broker;

namespace Thanhhoa.Iot.Cloud.Security;

/// <summary>Refuses to start with security settings that cannot work, naming the key and the fix.</summary>
public sealed class SecurityOptionsValidator(IOptions<BrokerOptions> broker) : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.HashIterations is < 1000 or > 10_000_000)
        {
            errors.Add($"Security:HashIterations {options.HashIterations} is out of range; use 1000-10000000 (default 10000).");
        }

        if (options.ApiKeyCacheLifetime < TimeSpan.Zero || options.ApiKeyCacheLifetime > TimeSpan.FromHours(1))
        {
            errors.Add($"Security:ApiKeyCacheLifetime {options.ApiKeyCacheLifetime} is out of range; use 00:00:00 (off) to 01:00:00.");
        }

        if (options.MaxTokenLifetime <= TimeSpan.Zero || options.DefaultTokenLifetime <= TimeSpan.Zero || options.DefaultTokenLifetime > options.MaxTokenLifetime)
        {
            errors.Add($"Security:DefaultTokenLifetime ({options.DefaultTokenLifetime}) must be positive and at most Security:MaxTokenLifetime ({options.MaxTokenLifetime}).");
        }

        if (options.BrokerAuthSecret is { } secret && secret.Length < 16)
        {
            errors.Add("Security:BrokerAuthSecret is shorter than 16 characters; use a long random value (e.g. `openssl rand -hex 32`), or leave it unset to disable /api/broker/auth.");
        }

        ValidateDynamicSecurity(errors, options.DynamicSecurity, broker.Value);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateDynamicSecurity(List<string> errors, DynamicSecurityOptions dynsec, BrokerOptions broker)
    {
        if (!dynsec.Enabled)
        {
            return;
        }

        if (broker.Mode != BrokerMode.External)
        {
            errors.Add("Security:DynamicSecurity:Enabled is true but Broker:Mode is not External; it administers an external mosquitto only. Set Broker:Mode=External or disable it.");
        }

        if (string.IsNullOrEmpty(dynsec.Username) || string.IsNullOrEmpty(dynsec.Password))
        {
            errors.Add("Security:DynamicSecurity:Username and Password must be set: the admin created with `mosquitto_ctrl dynsec init FILE USER PASSWORD`.");
        }

        if (string.IsNullOrEmpty(broker.External.Username) || string.IsNullOrEmpty(broker.External.Password))
        {
            errors.Add("Broker:External:Username and Password must be set with dynamic security: the cloud creates that ingest client in mosquitto and connects as it.");
        }

        if (dynsec.CommandTimeout <= TimeSpan.Zero)
        {
            errors.Add($"Security:DynamicSecurity:CommandTimeout {dynsec.CommandTimeout} must be positive, e.g. 00:00:10.");
        }
    }
}
