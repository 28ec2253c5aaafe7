using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Contracts;

namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>Checks a create request and resolves its devices; errors name the field, the value and what to do.</summary>
public sealed class CommandRequestValidator(IDeviceRegistry registry, IOptions<CloudCommandOptions> options)
{
    public async Task<(IReadOnlyList<string>? Devices, Dictionary<string, string[]>? Errors)> ValidateAsync(
        CreateCommandRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        var devices = await DevicesAsync(request, errors, cancellationToken).ConfigureAwait(false);
        CheckType(request, errors);
        CheckArgs(request, errors);
        CheckTimes(request, now, errors);
        return errors.Count == 0 ? (devices, null) : (null, errors);
    }

    private async Task<IReadOnlyList<string>> DevicesAsync(CreateCommandRequest request, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var addressed = (request.DeviceId is not null ? 1 : 0) + (request.DeviceIds is not null ? 1 : 0) + (request.Site is not null ? 1 : 0);
        if (addressed != 1)
        {
            errors["deviceId"] = ["address exactly one of deviceId (one gateway), deviceIds (a list) or site (every known gateway of a site)."];
            return [];
        }

        if (request.Site is { } site)
        {
            var all = await registry.ListAsync(cancellationToken).ConfigureAwait(false);
            var ofSite = all.Where(d => d.Site == site).Select(d => d.DeviceId).ToList();
            if (ofSite.Count == 0)
            {
                errors["site"] = [$"no known gateway reports site '{site}'; check the site code (GET /api/devices shows each gateway's site)."];
            }

            return ofSite;
        }

        var ids = request.DeviceIds ?? [request.DeviceId!];
        var bad = ids.Where(id => !ContractInfo.IsValidId(id)).ToList();
        if (ids.Count == 0 || bad.Count > 0)
        {
            errors[request.DeviceIds is null ? "deviceId" : "deviceIds"] = [ids.Count == 0
                ? "the list is empty; name at least one gateway."
                : $"{string.Join(", ", bad.Take(5).Select(b => $"'{b}'"))} {(bad.Count == 1 ? "is not a device id" : "are not device ids")}: use 1–{ContractInfo.MaxIdLength} of a-z, 0-9, '_' or '-'."];
        }
        else if (ids.Count > options.Value.MaxDevicesPerRequest)
        {
            errors["deviceIds"] = [$"{ids.Count} gateways; one request may address at most {options.Value.MaxDevicesPerRequest} (Commands:MaxDevicesPerRequest). Split it."];
        }

        return ids.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void CheckType(CreateCommandRequest request, Dictionary<string, string[]> errors)
    {
        if (!ContractInfo.IsValidId(request.Type))
        {
            errors["type"] = [$"type '{request.Type}' is not a command type: use e.g. ping, read-now, set-output, restart-service, reboot, get-config, upload-logs."];
        }
    }

    private void CheckArgs(CreateCommandRequest request, Dictionary<string, string[]> errors)
    {
        if (request.Args is not { } args || args.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (args.ValueKind != JsonValueKind.Object)
        {
            errors["args"] = [$"args is a JSON {args.ValueKind.ToString().ToLowerInvariant()}; send an object such as {{\"output\":\"gen_start\",\"on\":true}}."];
        }
        else if (args.GetRawText().Length > options.Value.MaxArgumentsBytes)
        {
            errors["args"] = [$"args is {args.GetRawText().Length} bytes; at most {options.Value.MaxArgumentsBytes} (Commands:MaxArgumentsBytes)."];
        }
    }

    private void CheckTimes(CreateCommandRequest request, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        if (request.Expires is not { } expires)
        {
            errors["expires"] = ["expires is required: the time after which the command must not run, e.g. 15 minutes from now."];
            return;
        }

        if (expires <= now)
        {
            errors["expires"] = [$"expires {Format(expires)} is not in the future (now {Format(now)}); give the command time to reach the gateway."];
        }
        else if (expires > now + options.Value.MaxLifetime)
        {
            errors["expires"] = [$"expires {Format(expires)} is more than {options.Value.MaxLifetime.TotalDays:0.#} days ahead (Commands:MaxLifetime); choose an earlier time."];
        }

        if (request.NotBefore is { } notBefore && notBefore >= expires)
        {
            errors["notBefore"] = [$"notBefore {Format(notBefore)} is not before expires {Format(expires)}; the command could never run."];
        }
    }

    private static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
