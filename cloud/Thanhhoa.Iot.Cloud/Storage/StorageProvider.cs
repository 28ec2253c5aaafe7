namespace Thanhhoa.Iot.Cloud.Storage;

/// <summary>Which database the cloud keeps its data in.</summary>
public enum StorageProvider
{
    /// <summary>LiteDB files in <see cref="StorageOptions.DataDirectory"/> (one machine, zero set-up).</summary>
    LiteDb,

    /// <summary>PostgreSQL at <see cref="StorageOptions.ConnectionString"/> (several cloud nodes share it).</summary>
    Postgres,
}
