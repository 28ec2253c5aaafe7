using Microsoft.Extensions.Options;
using Npgsql;
using Thanhhoa.Iot.Cloud.Sites;
using Thanhhoa.Iot.Cloud.Storage.Postgres;

namespace Thanhhoa.Iot.Cloud.Dashboard.Postgres;

/// <summary>
/// Sites in PostgreSQL (table <c>sites</c>), shared by every node. The page reads them on every load and the live
/// feed on every message, so they are cached, for one poll interval: a site another node adds shows that much later.
/// </summary>
public sealed class PostgresSiteCatalog(PostgresStore store, IOptions<ClusterViewOptions> options, TimeProvider time) : ISiteCatalog
{
    private const string Columns = "code, name, kind, operators, lat, lon, district_code, district_name, commune_code, commune_name";
    private volatile Snapshot? _cache;

    public async Task<IReadOnlyList<Site>> ListAsync(CancellationToken cancellationToken) =>
        (await CacheAsync(cancellationToken).ConfigureAwait(false)).Ordered;

    public async Task<Site?> GetAsync(string code, CancellationToken cancellationToken) =>
        (await CacheAsync(cancellationToken).ConfigureAwait(false)).ByCode.GetValueOrDefault(code);

    public async Task UpsertAsync(IReadOnlyList<Site> sites, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sites);
        foreach (var chunk in sites.Chunk(1000))
        {
            await store.InTransactionAsync(
                async (connection, tx) =>
                {
                    var batch = new NpgsqlBatch(connection, tx);
                    await using (batch.ConfigureAwait(false))
                    {
                        foreach (var site in chunk)
                        {
                            batch.BatchCommands.Add(Upsert(site));
                        }

                        return await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }

        _cache = null;
    }

    private async Task<Snapshot> CacheAsync(CancellationToken cancellationToken)
    {
        if (_cache is { } fresh && time.GetUtcNow() < fresh.Until)
        {
            return fresh;
        }

        // Two callers at expiry may both read; the later snapshot wins, both are current.
        var until = time.GetUtcNow() + options.Value.PollInterval;
        var sites = await store.ReadAsync($"SELECT {Columns} FROM sites ORDER BY code COLLATE \"C\"", null, Read, cancellationToken).ConfigureAwait(false);
        var snapshot = new Snapshot(sites, sites.ToDictionary(s => s.Code, StringComparer.Ordinal), until);
        _cache = snapshot;
        return snapshot;
    }

    private static NpgsqlBatchCommand Upsert(Site s)
    {
        var command = new NpgsqlBatchCommand($"""
            INSERT INTO sites ({Columns}) VALUES (@code, @name, @kind, @ops, @lat, @lon, @dc, @dn, @cc, @cn)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, operators = excluded.operators, lat = excluded.lat,
                lon = excluded.lon, district_code = excluded.district_code, district_name = excluded.district_name,
                commune_code = excluded.commune_code, commune_name = excluded.commune_name
            """);
        var p = command.Parameters;
        p.AddWithValue("code", s.Code);
        p.AddWithValue("name", s.Name);
        p.AddWithValue("kind", s.Kind.ToString());
        p.AddWithValue("ops", s.Operators.ToArray());
        p.AddWithValue("lat", s.Latitude);
        p.AddWithValue("lon", s.Longitude);
        p.AddWithValue("dc", s.DistrictCode);
        p.AddWithValue("dn", s.DistrictName);
        p.Add(new NpgsqlParameter<string?>("cc", s.CommuneCode) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter<string?>("cn", s.CommuneName) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return command;
    }

    private static Site Read(NpgsqlDataReader r) => new()
    {
        Code = r.GetString(0),
        Name = r.GetString(1),
        Kind = Enum.Parse<SiteKind>(r.GetString(2)),
        Operators = r.GetFieldValue<string[]>(3),
        Latitude = r.GetDouble(4),
        Longitude = r.GetDouble(5),
        DistrictCode = r.GetString(6),
        DistrictName = r.GetString(7),
        CommuneCode = r.IsDBNull(8) ? null : r.GetString(8),
        CommuneName = r.IsDBNull(9) ? null : r.GetString(9),
    };

    private sealed record Snapshot(IReadOnlyList<Site> Ordered, IReadOnlyDictionary<string, Site> ByCode, DateTimeOffset Until);
}
