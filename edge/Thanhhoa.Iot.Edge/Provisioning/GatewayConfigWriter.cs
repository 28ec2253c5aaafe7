using System.Text.Json;
using System.Text.Json.Nodes;

namespace Thanhhoa.Iot.Edge.Provisioning;

/// <summary>
/// Writes the provisioned identity into the gateway's JSON configuration (e.g. /etc/thgw/appsettings.json),
/// keeping every other setting (sensor profile, logging, ...): Gateway:DeviceId/Site/DataDirectory and
/// Uplink:Host/Port/Username/PasswordFile/UseTls/CaCertificateFile. A clear-text Uplink:Password is removed.
/// Comments in the file are not kept. The file holds no secret (the secret stays in its 0600 file).
/// </summary>
public static class GatewayConfigWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void CheckWritable(string configFile)
    {
        Guard(configFile, () =>
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(configFile))!;
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, ".thgw-write-test");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            if (File.Exists(configFile))
            {
                _ = Load(configFile);
            }
        });
    }

    public static void Write(string configFile, GatewaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Guard(configFile, () =>
        {
            var root = File.Exists(configFile) ? Load(configFile) : new JsonObject(new JsonNodeOptions { PropertyNameCaseInsensitive = true });
            var gateway = Section(root, "Gateway");
            gateway["DeviceId"] = settings.DeviceId;
            Set(gateway, "Site", settings.Site);
            gateway["DataDirectory"] = settings.DataDirectory;

            var uplink = Section(root, "Uplink");
            uplink["Host"] = settings.Broker.Host;
            uplink["Port"] = settings.Broker.Port;
            uplink["Username"] = settings.Username;
            uplink["PasswordFile"] = settings.Credentials.SecretFile;
            uplink.Remove("Password");
            uplink["UseTls"] = settings.Broker.Tls;
            Set(uplink, "CaCertificateFile", settings.Credentials.CaCertificateFile);

            var mode = File.Exists(configFile) && !OperatingSystem.IsWindows() ? File.GetUnixFileMode(configFile) : OwnerOnlyFiles.Public;
            OwnerOnlyFiles.Write(configFile, root.ToJsonString(Indented) + "\n", mode);
        });
    }

    private static JsonObject Load(string configFile)
    {
        var text = File.ReadAllText(configFile);
        var node = JsonNode.Parse(
            string.IsNullOrWhiteSpace(text) ? "{}" : text,
            new JsonNodeOptions { PropertyNameCaseInsensitive = true },
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return node as JsonObject ?? throw new InvalidDataException("the file is not a JSON object");
    }

    private static JsonObject Section(JsonObject root, string name)
    {
        if (root[name] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject(new JsonNodeOptions { PropertyNameCaseInsensitive = true });
        root[name] = created;
        return created;
    }

    private static void Set(JsonObject section, string key, string? value)
    {
        if (value is null)
        {
            section.Remove(key);
        }
        else
        {
            section[key] = value;
        }
    }

    private static void Guard(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
        {
            throw new ProvisioningException(ProvisioningFailure.LocalWrite, $"{path}: {ex.Message}", ex);
        }
    }
}
