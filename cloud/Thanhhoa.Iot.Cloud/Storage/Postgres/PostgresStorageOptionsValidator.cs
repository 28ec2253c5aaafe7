using Microsoft.Extensions.Options;
using Npgsql;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>Refuses to start with PostgreSQL settings that cannot work, naming the key to fix (never its password).</summary>
public sealed class PostgresStorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider != StorageProvider.Postgres)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            errors.Add("Storage:ConnectionString is empty but Storage:Provider is Postgres; set e.g. 'Host=db;Database=thiot;Username=thiot;Password=...'.");
        }
        else
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException ex)
            {
                // The message names the bad keyword, never the value (which may be the password).
                errors.Add($"Storage:ConnectionString is not a valid PostgreSQL connection string ({ex.Message.Split('\'')[0].Trim()}); check its keywords.");
            }
        }

        var pg = options.Postgres;
        if (pg.RetentionDays < 0)
        {
            errors.Add($"Storage:Postgres:RetentionDays {pg.RetentionDays} is negative; use 0 (keep everything) or a number of days such as 400.");
        }

        if (pg.PartitionDaysAhead is < 1 or > 60 || pg.PartitionDaysBehind is < 0 or > 60)
        {
            errors.Add($"Storage:Postgres:PartitionDaysAhead ({pg.PartitionDaysAhead}) must be 1-60 and PartitionDaysBehind ({pg.PartitionDaysBehind}) 0-60.");
        }

        if (pg.MaintenanceInterval < TimeSpan.FromSeconds(1) || pg.MaintenanceInterval > TimeSpan.FromDays(1))
        {
            errors.Add($"Storage:Postgres:MaintenanceInterval {pg.MaintenanceInterval} must be between 00:00:01 and 1.00:00:00 (a day).");
        }

        if (pg.WriteGroups is < 1 or > 16)
        {
            errors.Add($"Storage:Postgres:WriteGroups {pg.WriteGroups} must be between 1 and 16 (group commits at once per node; 2 by default).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
