using Microsoft.AspNetCore.Http.HttpResults;
using Thanhhoa.Iot.Cloud.Commands;
using Thanhhoa.Iot.Contracts;

namespace Thanhhoa.Iot.Cloud.DesiredConfig;

/// <summary>
/// <c>/api/config</c>: desired configuration per group and per device (versioned documents, device over
/// group), what each gateway reports in force, and which gateways lag.
/// </summary>
public static class ConfigApi
{
    public static IEndpointRouteBuilder MapConfigApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/config").WithTags("Configuration");
        var (read, write) = ApiPolicies.ReadsAndWrites(api);
        read.MapGet("/groups", ListGroups).WithSummary("Every group document with its version.");
        read.MapGet("/groups/{name}", GetGroup).WithSummary("One group document.");
        write.MapPut("/groups/{name}", PutGroup).WithSummary("Replace a group document (new version); every member whose merged configuration changes gets a new revision.");
        write.MapDelete("/groups/{name}", DeleteGroup).WithSummary("Delete a group that has no members.");
        read.MapGet("/devices", ListDevices).WithSummary("Desired vs reported for every configured gateway; ?lagging=true for those without their desired revision in force.");
        read.MapGet("/devices/{id}", GetDevice).WithSummary("One gateway: its document, group, merged desired revision and what it reported (applied version, or refused field and reason).");
        write.MapPut("/devices/{id}", PutDevice).WithSummary("Replace a gateway's document: group and overrides (new version). Leaving an override out falls back to the group's value.");
        write.MapDelete("/devices/{id}", DeleteDevice).WithSummary("Remove a gateway's overrides and group: it gets a revision with nothing set (its site profile).");
        read.MapGet("/lagging", Lagging).WithSummary("Gateways whose reported configuration is not their desired revision (not yet applied, refused, or offline).");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<ConfigGroup>>> ListGroups(DesiredConfigService config, CancellationToken ct) =>
        TypedResults.Ok(await config.ListGroupsAsync(ct).ConfigureAwait(false));

    public static async Task<Results<Ok<ConfigGroup>, ProblemHttpResult>> GetGroup(string name, DesiredConfigService config, CancellationToken ct) =>
        await config.GetGroupAsync(name, ct).ConfigureAwait(false) is { } group ? TypedResults.Ok(group) : NotFound("group", name);

    public static async Task<Results<Ok<ConfigGroup>, ValidationProblem, ProblemHttpResult>> PutGroup(
        string name, PutGroupRequest request, DesiredConfigService config, CancellationToken ct)
    {
        if (!ContractInfo.IsValidId(name))
        {
            return Invalid("name", $"group name '{name}' is not valid: use 1–{ContractInfo.MaxIdLength} of a-z, 0-9, '_' or '-'.");
        }

        var result = await config.PutGroupAsync(name, request, ct).ConfigureAwait(false);
        return result.Outcome == ConfigChange.Saved ? TypedResults.Ok((await config.GetGroupAsync(name, ct).ConfigureAwait(false))!) : Refusal<ConfigGroup>(result, "group", name);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteGroup(string name, DesiredConfigService config, CancellationToken ct)
    {
        var result = await config.DeleteGroupAsync(name, ct).ConfigureAwait(false);
        return result.Outcome switch
        {
            ConfigChange.Saved => TypedResults.NoContent(),
            ConfigChange.NotFound => NotFound("group", name),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The group cannot be deleted.", detail: result.Detail),
        };
    }

    public static async Task<Ok<IReadOnlyList<DeviceConfig>>> ListDevices(bool? lagging, DesiredConfigService config, CancellationToken ct)
    {
        var all = await config.ListDevicesAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<DeviceConfig>>(lagging == true ? all.Where(d => d.Lagging).ToList() : all);
    }

    public static Task<Ok<IReadOnlyList<DeviceConfig>>> Lagging(DesiredConfigService config, CancellationToken ct) => ListDevices(true, config, ct);

    public static async Task<Results<Ok<DeviceConfig>, ProblemHttpResult>> GetDevice(string id, DesiredConfigService config, CancellationToken ct) =>
        await config.GetDeviceAsync(id, ct).ConfigureAwait(false) is { } device ? TypedResults.Ok(device) : NotFound("device configuration", id);

    public static async Task<Results<Ok<DeviceConfig>, ValidationProblem, ProblemHttpResult>> PutDevice(
        string id, PutDeviceRequest request, DesiredConfigService config, CancellationToken ct)
    {
        if (!ContractInfo.IsValidId(id))
        {
            return Invalid("id", $"'{id}' is not a device id: use 1–{ContractInfo.MaxIdLength} of a-z, 0-9, '_' or '-'.");
        }

        var result = await config.PutDeviceAsync(id, request, ct).ConfigureAwait(false);
        return result.Outcome == ConfigChange.Saved ? TypedResults.Ok((await config.GetDeviceAsync(id, ct).ConfigureAwait(false))!) : Refusal<DeviceConfig>(result, "device", id);
    }

    public static Task<Results<Ok<DeviceConfig>, ValidationProblem, ProblemHttpResult>> DeleteDevice(string id, DesiredConfigService config, CancellationToken ct) =>
        PutDevice(id, new PutDeviceRequest(null, null), config, ct);

    private static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Refusal<T>(ConfigChangeResult result, string what, string name) => result.Outcome switch
    {
        ConfigChange.Invalid => Invalid(result.Field ?? "settings", result.Detail ?? "invalid"),
        ConfigChange.NotFound => NotFound(what, name),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"The {what} document changed meanwhile.", detail: result.Detail),
    };

    private static ValidationProblem Invalid(string field, string detail) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [detail] }, title: "The configuration document is not valid.");

    private static ProblemHttpResult NotFound(string what, string name) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: $"No {what} '{name}'.",
        detail: $"There is no {what} '{name}'; GET /api/config/groups and /api/config/devices list what exists.");
}
