using Thanhhoa.Iot.Edge.Outbox;

namespace Thanhhoa.Iot.EndToEnd.Tests.Harness;

/// <summary>What a stopped gateway's durable outbox still holds: the highest number it gave and the rows not yet acknowledged.</summary>
public sealed record OutboxContents(long LastSequence, IReadOnlySet<long> Pending)
{
    /// <summary>Opens the outbox in <paramref name="directory"/> (the gateway process must have exited).</summary>
    public static async Task<OutboxContents> ReadAsync(string directory)
    {
        using var outbox = LiteDbOutbox.Open(new OutboxOptions { DataDirectory = directory });
        var pending = new HashSet<long>();
        foreach (var e in outbox.PeekEvents(int.MaxValue))
        {
            pending.Add(e.Seq);
        }

        foreach (var r in outbox.PeekReadings(int.MaxValue))
        {
            pending.Add(r.Seq);
        }

        return new OutboxContents(outbox.GetStatus().LastSequence, pending);
    }
}
