namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>One schema change: applied once, in its own transaction, recorded in <c>schema_migrations</c>.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
