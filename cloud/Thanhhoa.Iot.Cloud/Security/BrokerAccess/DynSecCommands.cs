using System.Text.Json.Nodes;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Cloud.Security.BrokerAccess;

/// <summary>
/// The mosquitto dynamic-security commands the cloud sends (see mosquitto.org/documentation/dynamic-security):
/// default deny for publishing and subscribing, a role per device that allows only its own up/ (publish) and
/// down/ (subscribe), and a role for the cloud's ingest client.
/// </summary>
internal static class DynSecCommands
{
    public static string DeviceRole(string deviceId) => $"thiot-device-{deviceId}";

    public static JsonObject DefaultDeny() => Command("setDefaultACLAccess", new JsonObject
    {
        ["acls"] = new JsonArray(Acl("publishClientSend", null, false), Acl("publishClientReceive", null, true), Acl("subscribe", null, false), Acl("unsubscribe", null, true)),
    });

    public static JsonObject CreateDeviceRole(string deviceId) => Command("createRole", new JsonObject
    {
        ["rolename"] = DeviceRole(deviceId),
        ["textname"] = $"Thanhhoa.Iot device {deviceId}: own up/ and down/ only",
        ["acls"] = new JsonArray(
            Acl("publishClientSend", $"{DeviceTopics.Root}/{deviceId}/up/#", true),
            Acl("subscribePattern", $"{DeviceTopics.Root}/{deviceId}/down/#", true),
            Acl("publishClientReceive", $"{DeviceTopics.Root}/{deviceId}/down/#", true)),
    });

    public static JsonObject CreateDeviceClient(string deviceId, string secret) => Command("createClient", new JsonObject
    {
        ["username"] = deviceId,
        ["clientid"] = deviceId,
        ["password"] = secret,
        ["roles"] = new JsonArray(new JsonObject { ["rolename"] = DeviceRole(deviceId) }),
    });

    public static IEnumerable<JsonObject> ServiceRole(string role) =>
    [
        Command("createRole", new JsonObject { ["rolename"] = role, ["textname"] = "Thanhhoa.Iot cloud: ingest every up/, send every down/" }),
        AddRoleAcl(role, "subscribePattern", $"{DeviceTopics.Root}/+/up/#"),
        AddRoleAcl(role, "subscribePattern", $"$share/+/{DeviceTopics.Root}/+/up/#"),
        AddRoleAcl(role, "publishClientReceive", $"{DeviceTopics.Root}/+/up/#"),
        AddRoleAcl(role, "publishClientSend", $"{DeviceTopics.Root}/+/down/#"),
    ];

    public static JsonObject CreateServiceClient(string username, string password, string role) =>
        Command("createClient", new JsonObject { ["username"] = username, ["password"] = password, ["roles"] = new JsonArray(new JsonObject { ["rolename"] = role }) });

    public static JsonObject SetPassword(string username, string password) =>
        Command("setClientPassword", new JsonObject { ["username"] = username, ["password"] = password });

    public static JsonObject AddClientRole(string username, string role) =>
        Command("addClientRole", new JsonObject { ["username"] = username, ["rolename"] = role });

    public static IEnumerable<JsonObject> RemoveDevice(string deviceId) =>
    [
        Command("disableClient", new JsonObject { ["username"] = deviceId }),
        Command("deleteClient", new JsonObject { ["username"] = deviceId }),
        Command("deleteRole", new JsonObject { ["rolename"] = DeviceRole(deviceId) }),
    ];

    /// <summary>Errors that mean "already as wanted", so preparing and removing can be repeated safely.</summary>
    public static bool IsHarmless(string command, string error) =>
        error.Contains("already", StringComparison.OrdinalIgnoreCase)
        || (command is "disableClient" or "deleteClient" or "deleteRole" && error.Contains("not found", StringComparison.OrdinalIgnoreCase));

    private static JsonObject AddRoleAcl(string role, string type, string topic) =>
        Command("addRoleACL", new JsonObject { ["rolename"] = role, ["acltype"] = type, ["topic"] = topic, ["allow"] = true, ["priority"] = 0 });

    private static JsonObject Acl(string type, string? topic, bool allow)
    {
        var acl = new JsonObject { ["acltype"] = type, ["allow"] = allow };
        if (topic is not null)
        {
            acl["topic"] = topic;
        }

        return acl;
    }

    private static JsonObject Command(string name, JsonObject body)
    {
        body["command"] = name;
        return body;
    }
}
