using Thanhhoa.Iot.Cloud.Storage.Postgres;

namespace Thanhhoa.Iot.Cloud.Coordination;

/// <summary>The probe log in the <c>cluster_probe</c> table, shared by every node.</summary>
public sealed class PostgresClusterProbeLog(PostgresStore store) : IClusterProbeLog
{
    public async Task RecordAsync(long period, string nodeId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand("INSERT INTO cluster_probe (period, node, at) VALUES (@p, @n, @at)");
        command.Parameters.AddWithValue("p", period);
        command.Parameters.AddWithValue("n", nodeId);
        command.Parameters.AddWithValue("at", at.UtcDateTime);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<(long Period, string NodeId)>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand("SELECT period, node FROM cluster_probe ORDER BY period, at");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var runs = new List<(long, string)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            runs.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return runs;
    }
}
