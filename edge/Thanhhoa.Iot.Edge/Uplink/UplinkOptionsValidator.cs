using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Contracts;

namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>Checks the uplink settings at start, naming the key, the value and the fix.</summary>
internal sealed class UplinkOptionsValidator : IValidateOptions<UplinkOptions>
{
    public ValidateOptionsResult Validate(string? name, UplinkOptions o)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            failures.Add("Uplink:Host is empty: set it to the broker's host name or address.");
        }

        if (o.Port is < 1 or > 65535)
        {
            failures.Add($"Uplink:Port {o.Port} is not a TCP port: use 1–65535 (1883 plain, 8883 TLS).");
        }

        if (string.IsNullOrEmpty(o.Username) && !string.IsNullOrEmpty(o.Password))
        {
            failures.Add("Uplink:Password is set but Uplink:Username is empty: set both or neither.");
        }

        UplinkCredentialRules.Validate(failures, o);
        if (o.PayloadEncoding is null)
        {
            failures.Add($"Uplink:Encoding '{o.Encoding}' is not known: use json, cbor or cbor+deflate (cbor+deflate for 2G links).");
        }

        Range(failures, "Uplink:KeepAlive", o.KeepAlive, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(ushort.MaxValue));
        Range(failures, "Uplink:SessionExpiry", o.SessionExpiry, TimeSpan.Zero, TimeSpan.FromSeconds(uint.MaxValue - 1));
        Range(failures, "Uplink:OperationTimeout", o.OperationTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10));
        Range(failures, "Uplink:BackoffMin", o.BackoffMin, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1));
        Range(failures, "Uplink:GoodbyeTimeout", o.GoodbyeTimeout, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        if (o.BackoffMax < o.BackoffMin || o.BackoffMax > TimeSpan.FromHours(6))
        {
            failures.Add($"Uplink:BackoffMax {o.BackoffMax} must be at least Uplink:BackoffMin ({o.BackoffMin}) and at most 06:00:00.");
        }

        Count(failures, "Uplink:ReadingsPerBatch", o.ReadingsPerBatch, ContractInfo.MaxReadingsPerBatch);
        Count(failures, "Uplink:EventsPerBatch", o.EventsPerBatch, ContractInfo.MaxEventsPerBatch);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} {value} is out of range: use {min} to {max}.");
        }
    }

    private static void Count(List<string> failures, string key, int value, int max)
    {
        if (value < 1 || value > max)
        {
            failures.Add($"{key} {value} is out of range: use 1 to {max} (the contract's limit per message).");
        }
    }
}
