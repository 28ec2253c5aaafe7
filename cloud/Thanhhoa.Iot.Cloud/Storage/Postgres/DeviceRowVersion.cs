using Npgsql;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>
/// Which version of a <c>devices</c> row: its <c>xmin</c> (the id of the transaction that wrote it; no two transactions
/// share one until the 32-bit counter wraps around, so versions written by different transactions differ, whatever
/// their columns) and its <c>last_seen</c>, in microseconds as stored. Compared for equality only: transaction ids wrap around and have no order a node could use, and
/// last_seen guards the one case equality of <c>xmin</c> alone could get wrong (a transaction id reused after
/// four billion others, on a row this node has not heard of since).
/// </summary>
internal readonly record struct DeviceRowVersion(uint Xmin, long LastSeenMicros)
{
    /// <summary>The columns to select, in this order, for <see cref="Read"/>.</summary>
    public const string Columns = "xmin, last_seen";

    public static DeviceRowVersion Of(uint xmin, DateTimeOffset? lastSeen) =>
        new(xmin, lastSeen is { } at ? at.UtcTicks / TimeSpan.TicksPerMicrosecond : -1);

    /// <summary>Reads <see cref="Columns"/> starting at column <paramref name="first"/>.</summary>
    public static DeviceRowVersion Read(NpgsqlDataReader r, int first) =>
        Of(r.GetFieldValue<uint>(first), r.IsDBNull(first + 1) ? null : r.GetFieldValue<DateTimeOffset>(first + 1));
}
