using System.ComponentModel.DataAnnotations;

namespace Thanhhoa.Iot.Cloud.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.LiteDb;

    /// <summary>Where the LiteDB files live; relative paths are resolved against the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "./.data/cloud";

    /// <summary>How many recent rejects are kept with their detail (counts are kept forever).</summary>
    [Range(1, 100_000)]
    public int RecentRejectCapacity { get; set; } = 500;

    /// <summary>PostgreSQL connection string (Provider = Postgres). Never logged: it may hold the password.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Partitioning, retention and maintenance of the PostgreSQL store.</summary>
    public Postgres.PostgresStorageOptions Postgres { get; set; } = new();

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);

    /// <summary>Whether the configuration selects PostgreSQL (read before the options exist, to pick the stores).</summary>
    public static bool IsPostgres(IConfiguration configuration) =>
        configuration.GetSection(Section).GetValue(nameof(Provider), StorageProvider.LiteDb) == StorageProvider.Postgres;
}
