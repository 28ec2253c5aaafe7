using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;

namespace Thanhhoa.Iot.Edge.Tests.Outbox;

/// <summary>Builds outboxes and rows for the outbox tests.</summary>
internal static class OutboxTestFactory
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static OutboxOptions Options(string directory, long quotaBytes = 64L * 1024 * 1024, int checkpointPages = 0) => new()
    {
        DataDirectory = directory,
        QuotaBytes = quotaBytes,
        CheckpointPages = checkpointPages,
    };

    public static LiteDbOutbox Create(
        OutboxOptions options,
        IOutboxStorage? storage = null,
        IOutboxRetentionPolicy? policy = null,
        ILogger<LiteDbOutbox>? logger = null,
        TimeProvider? time = null)
    {
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        return new LiteDbOutbox(
            wrapped,
            storage ?? new FileOutboxStorage(wrapped),
            policy ?? new DropOldestReadingsPolicy(),
            time ?? new FakeTimeProvider(Start),
            logger ?? NullLogger<LiteDbOutbox>.Instance);
    }

    public static SensorReading Reading(int i, string channel = "battery_v") =>
        new(channel, Start.AddSeconds(i), 48.0 + (i % 100) / 10.0, Quality.Good);

    public static SensorReading[] Readings(int count, int offset = 0) =>
        Enumerable.Range(offset, count).Select(i => Reading(i)).ToArray();

    public static EventDraft Event(string code = "mains_fail") =>
        new(Start, code, EventAction.Raise, Severity.Critical, "mains", "Mains lost", new Dictionary<string, double> { ["battery_v"] = 51.2 });

    public static HashSet<long> StoredSequences(LiteDbOutbox outbox) =>
        [.. outbox.PeekReadings(int.MaxValue).Select(r => r.Seq), .. outbox.PeekEvents(int.MaxValue).Select(e => e.Seq)];
}
