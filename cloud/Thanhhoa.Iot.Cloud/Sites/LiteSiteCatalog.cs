using LiteDB;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;

namespace Thanhhoa.Iot.Cloud.Sites;

/// <summary>Sites in the cloud's LiteDB (collection <c>sites</c>), kept in memory too: the page reads them on every load.</summary>
public sealed class LiteSiteCatalog(LiteDbStore store) : ISiteCatalog
{
    private const string Collection = "sites";
    private volatile IReadOnlyDictionary<string, Site>? _cache;

    public Task<IReadOnlyList<Site>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Site>>(Cache().Values.OrderBy(s => s.Code, StringComparer.Ordinal).ToList());

    public Task<Site?> GetAsync(string code, CancellationToken cancellationToken) =>
        Task.FromResult(Cache().GetValueOrDefault(code));

    public async Task UpsertAsync(IReadOnlyList<Site> sites, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var docs = sites.Select(ToDocument).ToList();
        await store.Writer.WriteAsync(db => db.GetCollection(Collection).Upsert(docs), cancellationToken).ConfigureAwait(false);
        _cache = null;
    }

    private IReadOnlyDictionary<string, Site> Cache() =>
        _cache ??= store.Database.GetCollection(Collection).FindAll().Select(ToSite).ToDictionary(s => s.Code, StringComparer.Ordinal);

    private static BsonDocument ToDocument(Site s) => new()
    {
        ["_id"] = s.Code,
        ["name"] = s.Name,
        ["kind"] = s.Kind.ToString(),
        ["ops"] = new BsonArray(s.Operators.Select(o => new BsonValue(o))),
        ["lat"] = s.Latitude,
        ["lon"] = s.Longitude,
        ["dc"] = s.DistrictCode,
        ["dn"] = s.DistrictName,
        ["cc"] = s.CommuneCode is null ? BsonValue.Null : s.CommuneCode,
        ["cn"] = s.CommuneName is null ? BsonValue.Null : s.CommuneName,
    };

    private static Site ToSite(BsonDocument d) => new()
    {
        Code = d["_id"].AsString,
        Name = d["name"].AsString,
        Kind = Enum.Parse<SiteKind>(d["kind"].AsString),
        Operators = d["ops"].AsArray.Select(v => v.AsString).ToList(),
        Latitude = d["lat"].AsDouble,
        Longitude = d["lon"].AsDouble,
        DistrictCode = d["dc"].AsString,
        DistrictName = d["dn"].AsString,
        CommuneCode = d["cc"].IsNull ? null : d["cc"].AsString,
        CommuneName = d["cn"].IsNull ? null : d["cn"].AsString,
    };
}
