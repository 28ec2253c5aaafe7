using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>Checks <see cref="OutboxOptions"/> at start so a bad value stops the gateway with a readable reason.</summary>
public sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    /// <summary>Smallest quota that leaves room for LiteDB's header, indexes and a log.</summary>
    public const long MinimumQuotaBytes = 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("Outbox:DataDirectory is empty; set it to a writable folder on the gateway, e.g. /var/lib/thgw.");
        }

        if (string.IsNullOrWhiteSpace(options.FileName) || options.FileName.IndexOfAny(['/', '\\']) >= 0)
        {
            failures.Add($"Outbox:FileName '{options.FileName}' must be a plain file name such as outbox.db (put folders in Outbox:DataDirectory).");
        }

        if (options.QuotaBytes < MinimumQuotaBytes)
        {
            failures.Add($"Outbox:QuotaBytes {options.QuotaBytes} is below the minimum of {MinimumQuotaBytes} bytes (1 MiB); the default is 268435456 (256 MiB).");
        }

        AddIfOutOfRange(failures, "MaxBatchRows", options.MaxBatchRows, 1, 100_000);
        AddIfOutOfRange(failures, "QueueCapacity", options.QueueCapacity, 1, 1_000_000);
        if (options.LossReportInterval < TimeSpan.FromMilliseconds(10) || options.LossReportInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"Outbox:LossReportInterval {options.LossReportInterval} is outside 00:00:00.010..01:00:00; remove it to use the default (00:00:10).");
        }

        if (options.AggregateInterval != TimeSpan.Zero && (options.AggregateInterval < TimeSpan.FromSeconds(1) || options.AggregateInterval > TimeSpan.FromDays(1)))
        {
            failures.Add($"Outbox:AggregateInterval {options.AggregateInterval} is outside 00:00:01..1.00:00:00 (or 00:00:00 for no aggregation); remove it to use the default (00:15:00).");
        }

        AddIfOutOfRange(failures, "AggregateInFlightReadings", options.AggregateInFlightReadings, 0, 100_000);
        if (options.CheckpointPages != 0)
        {
            AddIfOutOfRange(failures, "CheckpointPages", options.CheckpointPages, 4, 100_000);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddIfOutOfRange(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"Outbox:{key} {value} is outside {min}..{max}; remove it to use the default.");
        }
    }
}
