using JsonSerializer = System.Text.Json.JsonSerializer;
using LiteDB;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.DesiredConfig;

/// <summary>Maps configuration documents to BSON and back; settings are stored as their contract JSON.</summary>
internal static class ConfigDocuments
{
    public const string Groups = "config_groups";
    public const string Devices = "config_devices";
    public const string Group = "g";

    public static BsonDocument From(ConfigGroup g) => new()
    {
        ["_id"] = g.Name,
        ["v"] = g.Version,
        ["s"] = Json(g.Settings),
        ["u"] = g.UpdatedAt.UtcTicks,
    };

    public static ConfigGroup ToGroup(BsonDocument d) =>
        new(d["_id"].AsString, d["v"].AsInt64, Settings(d["s"].AsString), Time(d["u"]));

    public static BsonDocument From(DeviceConfig c)
    {
        var d = new BsonDocument
        {
            ["_id"] = c.DeviceId,
            ["v"] = c.Version,
            ["s"] = Json(c.Overrides),
            ["dv"] = c.DesiredVersion,
        };
        if (c.Group is not null)
        {
            d[Group] = c.Group;
        }

        if (c.UpdatedAt is { } u)
        {
            d["u"] = u.UtcTicks;
        }

        if (c.Desired is not null)
        {
            d["ds"] = Json(c.Desired);
            d["da"] = c.DesiredAt!.Value.UtcTicks;
        }

        if (c.Reported is { } r)
        {
            d["rep"] = From(r);
        }

        return d;
    }

    public static DeviceConfig ToDevice(BsonDocument d) => new()
    {
        DeviceId = d["_id"].AsString,
        Group = d.TryGetValue(Group, out var g) ? g.AsString : null,
        Version = d["v"].AsInt64,
        Overrides = Settings(d["s"].AsString),
        UpdatedAt = d.TryGetValue("u", out var u) ? Time(u) : null,
        DesiredVersion = d["dv"].AsInt64,
        Desired = d.TryGetValue("ds", out var ds) ? Settings(ds.AsString) : null,
        DesiredAt = d.TryGetValue("da", out var da) ? Time(da) : null,
        Reported = d.TryGetValue("rep", out var rep) ? ToReported(rep.AsDocument) : null,
    };

    public static string Json(ConfigSettings settings) => JsonSerializer.Serialize(settings, ContractJsonContext.Default.ConfigSettings);

    private static ConfigSettings Settings(string json) => JsonSerializer.Deserialize(json, ContractJsonContext.Default.ConfigSettings)!;

    private static BsonDocument From(ReportedConfig r)
    {
        var d = new BsonDocument { ["v"] = r.Version, ["st"] = (int)r.Status, ["at"] = r.At.UtcTicks, ["rx"] = r.ReceivedAt.UtcTicks };
        if (r.AppliedVersion is { } av)
        {
            d["av"] = av;
        }

        if (r.Field is not null)
        {
            d["f"] = r.Field;
        }

        if (r.Reason is not null)
        {
            d["r"] = r.Reason;
        }

        return d;
    }

    private static ReportedConfig ToReported(BsonDocument d) => new(
        d["v"].AsInt64,
        (ConfigReportStatus)d["st"].AsInt32,
        d.TryGetValue("av", out var av) ? av.AsInt64 : null,
        d.TryGetValue("f", out var f) ? f.AsString : null,
        d.TryGetValue("r", out var r) ? r.AsString : null,
        Time(d["at"]),
        Time(d["rx"]));

    private static DateTimeOffset Time(BsonValue ticks) => new(ticks.AsInt64, TimeSpan.Zero);
}
