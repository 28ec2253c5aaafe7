using System.Text.Json;
using LiteDB;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>Maps commands to BSON and back (explicit, short keys). Times are UTC ticks; JSON objects are stored as text.</summary>
internal static class CommandDocuments
{
    public const string Collection = "commands";
    public const string Device = "d";
    public const string State = "st";
    public const string Created = "c";
    public const string Expires = "x";
    public const string Batch = "b";
    public const string Publishes = "pn";

    public static BsonDocument From(CommandRecord c)
    {
        var d = new BsonDocument
        {
            ["_id"] = c.Id,
            [Device] = c.DeviceId,
            ["ty"] = c.Type,
            [Created] = c.CreatedAt.UtcTicks,
            [Expires] = c.Expires.UtcTicks,
            [State] = (int)c.Status,
            [Publishes] = c.Publishes,
            ["late"] = c.Late,
        };
        Set(d, "a", c.Arguments?.GetRawText());
        Set(d, Batch, c.BatchId);
        Set(d, "nb", c.NotBefore?.UtcTicks);
        Set(d, "pa", c.PublishedAt?.UtcTicks);
        Set(d, "da", c.DeliveredAt?.UtcTicks);
        Set(d, "ca", c.CompletedAt?.UtcTicks);
        Set(d, "rs", c.ResultStatus is { } rs ? (int)rs : null);
        Set(d, "r", c.Result?.GetRawText());
        Set(d, "e", c.Error);
        Set(d, "m", c.Message);
        Set(d, "ra", c.ResultAt?.UtcTicks);
        Set(d, "rr", c.ResultReceivedAt?.UtcTicks);
        return d;
    }

    public static CommandRecord To(BsonDocument d) => new()
    {
        Id = d["_id"].AsString,
        DeviceId = d[Device].AsString,
        Type = d["ty"].AsString,
        Arguments = Json(d, "a"),
        BatchId = Text(d, Batch),
        CreatedAt = Time(d[Created]),
        NotBefore = OptionalTime(d, "nb"),
        Expires = Time(d[Expires]),
        Status = (CommandState)d[State].AsInt32,
        PublishedAt = OptionalTime(d, "pa"),
        Publishes = d[Publishes].AsInt32,
        DeliveredAt = OptionalTime(d, "da"),
        CompletedAt = OptionalTime(d, "ca"),
        ResultStatus = d.TryGetValue("rs", out var rs) ? (CommandStatus)rs.AsInt32 : null,
        Result = Json(d, "r"),
        Error = Text(d, "e"),
        Message = Text(d, "m"),
        ResultAt = OptionalTime(d, "ra"),
        ResultReceivedAt = OptionalTime(d, "rr"),
        Late = d["late"].AsBoolean,
    };

    public static DateTimeOffset Time(BsonValue ticks) => new(ticks.AsInt64, TimeSpan.Zero);

    private static void Set(BsonDocument d, string key, BsonValue? value)
    {
        if (value is not null && !value.IsNull)
        {
            d[key] = value;
        }
    }

    private static DateTimeOffset? OptionalTime(BsonDocument d, string key) => d.TryGetValue(key, out var v) ? Time(v) : null;

    private static string? Text(BsonDocument d, string key) => d.TryGetValue(key, out var v) ? v.AsString : null;

    private static JsonElement? Json(BsonDocument d, string key)
    {
        if (!d.TryGetValue(key, out var v))
        {
            return null;
        }

        using var document = JsonDocument.Parse(v.AsString);
        return document.RootElement.Clone();
    }
}
