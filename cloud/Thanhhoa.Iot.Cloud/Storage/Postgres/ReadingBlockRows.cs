using Npgsql;
using NpgsqlTypes;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>
/// Maps <see cref="ReadingBlock"/>s to <c>reading_blocks</c> rows and back. Readings that arrived
/// together (one message: one arrival time) of one device and hour become one row; the row keeps one
/// arrival time, so readings of different arrival times never share a row.
/// </summary>
internal static class ReadingBlockRows
{
    /// <summary>From this many blocks a write uses binary COPY instead of one batch of single-row inserts.</summary>
    internal const int CopyFromBlocks = 16;

    /// <summary>The columns a query reads, in the order <see cref="Read"/> expects.</summary>
    public const string ReadColumns = "device_id, hour, received_at, channel_names, seqs, channel_idx, ts, vals, quality, time_quality";

    private const string WriteColumns = "device_id, hour, first_seq, n, received_at, channel_names, seqs, channel_idx, ts, vals, quality, time_quality";

    private const string Insert = $"INSERT INTO reading_blocks ({WriteColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";

    private const string Copy = $"COPY reading_blocks ({WriteColumns}) FROM STDIN (FORMAT BINARY)";

    /// <summary>Writes the readings as blocks inside the caller's transaction; returns the number of rows written.</summary>
    public static Task<int> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IEnumerable<StoredReading> readings, CancellationToken cancellationToken) =>
        WriteRowsAsync(connection, tx, ReadingBlock.Split(readings).Select(Row.Of).ToList(), cancellationToken);

    /// <summary>
    /// As <see cref="WriteAsync"/>, for readings that come as messages (each of one device and one arrival time, as a
    /// telemetry message is stored): each message is split apart (<see cref="ReadingBlock.Split"/>: one in order within
    /// one hour, the usual case, is one block without grouping or sorting). Many rows are copied now; a few are added to
    /// <paramref name="batch"/> as inserts, for the caller to send with its other statements in one round trip.
    /// </summary>
    public static async Task<int> WriteMessagesAsync(
        NpgsqlConnection connection, NpgsqlBatch batch, IReadOnlyList<IReadOnlyList<StoredReading>> messages, CancellationToken cancellationToken)
    {
        var rows = new List<Row>(messages.Count);
        foreach (var message in messages)
        {
            rows.AddRange(ReadingBlock.Split(message).Select(Row.Of)); // one message in order is one block without sorting
        }

        if (rows.Count >= CopyFromBlocks)
        {
            await CopyAsync(connection, rows, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            AddInserts(batch, rows);
        }

        return rows.Count;
    }

    /// <summary>One row selected with <see cref="ReadColumns"/>.</summary>
    public static ReadingBlock Read(NpgsqlDataReader reader)
    {
        var device = reader.GetString(0);
        var received = reader.GetFieldValue<DateTimeOffset>(2);
        var names = reader.GetFieldValue<string[]>(3);
        var seqs = reader.GetFieldValue<long[]>(4);
        var idx = reader.GetFieldValue<short[]>(5);
        var ts = reader.GetFieldValue<DateTime[]>(6);
        var vals = reader.GetFieldValue<double[]>(7);
        var quality = reader.GetFieldValue<short[]>(8);
        var timeQuality = reader.GetFieldValue<short[]>(9);
        var readings = new StoredReading[seqs.Length];
        for (var i = 0; i < readings.Length; i++)
        {
            readings[i] = new StoredReading(device, seqs[i], names[idx[i] - 1], new DateTimeOffset(ts[i], TimeSpan.Zero), vals[i],
                (Quality)quality[i], received, (TimeQuality)timeQuality[i]);
        }

        return ReadingBlock.FromStore(device, reader.GetFieldValue<DateTimeOffset>(1), readings);
    }

    private static async Task<int> WriteRowsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, List<Row> rows, CancellationToken cancellationToken)
    {
        if (rows.Count >= CopyFromBlocks)
        {
            await CopyAsync(connection, rows, cancellationToken).ConfigureAwait(false);
        }
        else if (rows.Count > 0)
        {
            await using var batch = new NpgsqlBatch(connection, tx);
            AddInserts(batch, rows);
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return rows.Count;
    }

    private static void AddInserts(NpgsqlBatch batch, List<Row> rows)
    {
        foreach (var row in rows)
        {
            var command = new NpgsqlBatchCommand(Insert);
            foreach (var value in row.Values())
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            batch.BatchCommands.Add(command);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, List<Row> rows, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(Copy, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(row.DeviceId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(row.Hour, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(row.FirstSeq, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(row.Seqs.Length, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(row.ReceivedAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(row.Names, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(row.Seqs, NpgsqlDbType.Array | NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(row.ChannelIdx, NpgsqlDbType.Array | NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(row.Ts, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(row.Vals, NpgsqlDbType.Array | NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(row.Quality, NpgsqlDbType.Array | NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(row.TimeQuality, NpgsqlDbType.Array | NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One block as column values (channel_idx are 1-based positions in names, PostgreSQL's array base).</summary>
    private sealed record Row(
        string DeviceId, DateTime Hour, long FirstSeq, DateTime ReceivedAt, string[] Names,
        long[] Seqs, short[] ChannelIdx, DateTime[] Ts, double[] Vals, short[] Quality, short[] TimeQuality)
    {
        public static Row Of(ReadingBlock block)
        {
            var (deviceId, hour, readings) = (block.DeviceId, block.Hour, block.Readings);
            var n = readings.Count;
            var names = new ChannelNames();
            var (idx, seqs, ts, vals, quality, timeQuality) = (new short[n], new long[n], new DateTime[n], new double[n], new short[n], new short[n]);
            var firstSeq = long.MaxValue;
            for (var i = 0; i < n; i++)
            {
                var r = readings[i];
                idx[i] = names.PositionOf(r.Channel);
                seqs[i] = r.Seq;
                firstSeq = Math.Min(firstSeq, r.Seq);
                ts[i] = r.Timestamp.UtcDateTime;
                vals[i] = r.Value;
                quality[i] = (short)r.Quality;
                timeQuality[i] = (short)r.TimeQuality;
            }

            return new Row(deviceId, hour.UtcDateTime, firstSeq, readings[0].ReceivedAt.UtcDateTime, names.ToArray(), seqs, idx, ts, vals, quality, timeQuality);
        }

        public object[] Values() =>
            [DeviceId, Hour, FirstSeq, Seqs.Length, ReceivedAt, Names, Seqs, ChannelIdx, Ts, Vals, Quality, TimeQuality];
    }
}
