using Npgsql;
using Thanhhoa.Iot.Cloud.Security.Postgres;
using Thanhhoa.Iot.Cloud.Storage.Postgres;

namespace Thanhhoa.Iot.Cloud.Artifacts.Postgres;

/// <summary>
/// Artifact metadata in PostgreSQL (table <c>artifacts</c>), shared by every cloud node. The bundle files stay in
/// <c>Artifacts:Directory</c>: with several nodes that folder must be shared storage (docs/rollouts.md).
/// </summary>
public sealed class PostgresArtifactStore(PostgresStore store) : IArtifactStore
{
    private const string Columns = "id, version, hardware, size, sha256, notes, uploaded_at, uploaded_by";

    public Task InsertAsync(Artifact artifact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        return store.ExecuteAsync(
            $"INSERT INTO artifacts ({Columns}) VALUES (@id, @v, @hw, @n, @sha, @notes, @at, @by)",
            p =>
            {
                p.AddWithValue("id", artifact.Id);
                p.AddWithValue("v", artifact.Version);
                p.AddWithValue("hw", artifact.Hardware);
                p.AddWithValue("n", artifact.Size);
                p.AddWithValue("sha", artifact.Sha256);
                p.AddWithValue("notes", PgRead.Value(artifact.Notes));
                p.AddWithValue("at", artifact.UploadedAt.UtcDateTime);
                p.AddWithValue("by", artifact.UploadedBy);
            },
            cancellationToken);
    }

    public async Task<Artifact?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await store.ReadAsync($"SELECT {Columns} FROM artifacts WHERE id = @id", p => p.AddWithValue("id", id), Read, cancellationToken).ConfigureAwait(false))
        .SingleOrDefault();

    public async Task<IReadOnlyList<Artifact>> ListAsync(CancellationToken cancellationToken) =>
        await store.ReadAsync($"SELECT {Columns} FROM artifacts ORDER BY uploaded_at DESC, id", null, Read, cancellationToken).ConfigureAwait(false);

    private static Artifact Read(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4), PgRead.Text(r, 5), PgRead.Time(r, 6), r.GetString(7));
}
