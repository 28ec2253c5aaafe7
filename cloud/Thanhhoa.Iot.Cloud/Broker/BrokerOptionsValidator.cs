using System.Net;
using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>Refuses to start with broker settings that cannot work, saying which key to fix.</summary>
public sealed class BrokerOptionsValidator : IValidateOptions<BrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, BrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.Mode == BrokerMode.Embedded)
        {
            if (!IPAddress.TryParse(options.BindAddress, out var bind))
            {
                errors.Add($"Broker:BindAddress '{options.BindAddress}' is not an IP address; use e.g. 127.0.0.1, 0.0.0.0 or ::1.");
            }

            BrokerListenerRules.Validate(errors, options, bind);

            if (options.MaxPendingMessagesPerClient < 1000)
            {
                errors.Add($"Broker:MaxPendingMessagesPerClient {options.MaxPendingMessagesPerClient} is too low (the broker drops the oldest message beyond it); use 1000 or more.");
            }

            if (string.IsNullOrWhiteSpace(options.ServiceClientId))
            {
                errors.Add("Broker:ServiceClientId is empty; set the cloud's own MQTT client id, e.g. thiot-cloud.");
            }
        }
        else
        {
            ValidateExternal(errors, options.External);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateExternal(List<string> errors, ExternalBrokerOptions external)
    {
        if (string.IsNullOrWhiteSpace(external.Host))
        {
            errors.Add("Broker:External:Host is empty; set the external broker's host name or address.");
        }

        CheckPort(errors, "Broker:External:Port", external.Port);
        if (string.IsNullOrWhiteSpace(external.ClientId))
        {
            errors.Add("Broker:External:ClientId is empty; set a stable client id (the broker keeps the cloud's session under it).");
        }

        if (external.SharedGroup is { Length: > 0 } group && group.IndexOfAny(['/', '+', '#']) >= 0)
        {
            errors.Add($"Broker:External:SharedGroup '{group}' may not contain '/', '+' or '#'; use a plain name such as 'ingest'.");
        }

        if (external.SessionExpirySeconds == 0)
        {
            errors.Add("Broker:External:SessionExpirySeconds is 0, so messages published while the cloud is down would be lost; use e.g. 604800 (a week).");
        }

        if (external.ReconnectMinDelay <= TimeSpan.Zero || external.ReconnectMaxDelay < external.ReconnectMinDelay)
        {
            errors.Add($"Broker:External:ReconnectMinDelay ({external.ReconnectMinDelay}) must be positive and at most ReconnectMaxDelay ({external.ReconnectMaxDelay}).");
        }

        if (external.MaxInFlight is < 1 or > 65535)
        {
            errors.Add($"Broker:External:MaxInFlight {external.MaxInFlight} must be between 1 and 65535.");
        }

        if (external.ControlMaxInFlight is < 1 or > 65535)
        {
            errors.Add($"Broker:External:ControlMaxInFlight {external.ControlMaxInFlight} must be between 1 and 65535 (64 is plenty for alarms and command results).");
        }
    }

    internal static void CheckPort(List<string> errors, string key, int port)
    {
        if (port is < 1 or > 65535)
        {
            errors.Add($"{key} {port} is not a TCP port; use 1-65535 (1883 is the MQTT default).");
        }
    }
}
