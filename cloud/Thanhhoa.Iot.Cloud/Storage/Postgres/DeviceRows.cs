using Npgsql;
using Thanhhoa.Iot.Cloud.Registry;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>Maps <see cref="DeviceState"/> to a <c>devices</c> row and back.</summary>
internal static class DeviceRows
{
    public const string Columns = "device_id, online, session, first_seen, last_seen, state_changed_at, offline_reason, firmware, site, channels::text";

    /// <summary>How many <see cref="Columns"/> <see cref="Read"/> reads: a statement's further columns start here.</summary>
    public const int ColumnCount = 10;

    public const string Update = """
        UPDATE devices SET online = @online, session = @session, first_seen = @first, last_seen = @last,
            state_changed_at = @changed, offline_reason = @reason, firmware = @fw, site = @site, channels = @ch::jsonb
        WHERE device_id = @id
        """;

    public static DeviceState Read(NpgsqlDataReader r) => new()
    {
        DeviceId = r.GetString(0),
        Online = r.GetBoolean(1),
        Session = r.GetInt64(2),
        FirstSeen = r.GetFieldValue<DateTimeOffset>(3),
        LastSeen = r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4),
        StateChangedAt = r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5),
        OfflineReason = r.IsDBNull(6) ? null : r.GetString(6),
        Firmware = r.IsDBNull(7) ? null : r.GetString(7),
        Site = r.IsDBNull(8) ? null : r.GetString(8),
        Channels = ChannelsJson.Read(r.GetString(9)),
    };

    public static void Bind(NpgsqlCommand command, DeviceState s)
    {
        command.Parameters.AddWithValue("id", s.DeviceId);
        command.Parameters.AddWithValue("online", s.Online);
        command.Parameters.AddWithValue("session", s.Session);
        command.Parameters.AddWithValue("first", s.FirstSeen.UtcDateTime);
        command.Parameters.Add(new NpgsqlParameter<DateTime?>("last", s.LastSeen?.UtcDateTime) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<DateTime?>("changed", s.StateChangedAt?.UtcDateTime) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<string?>("reason", s.OfflineReason) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string?>("fw", s.Firmware) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string?>("site", s.Site) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.AddWithValue("ch", ChannelsJson.Write(s.Channels));
    }
}
