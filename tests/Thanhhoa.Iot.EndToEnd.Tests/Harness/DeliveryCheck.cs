using NUnit.Framework;

namespace Thanhhoa.Iot.EndToEnd.Tests.Harness;

/// <summary>
/// The pipe's promise for one gateway: the cloud holds each sequence number at most once, and every
/// number the gateway ever gave is either in the cloud or still in its outbox — nothing lost, no gaps.
/// </summary>
public static class DeliveryCheck
{
    public static async Task<int> AssertExactlyOnceAsync(CloudApi api, string deviceId, OutboxContents outbox)
    {
        var readings = await api.AllReadingsAsync(deviceId).ConfigureAwait(false);
        var events = await api.AllEventsAsync(deviceId).ConfigureAwait(false);
        var stored = readings.Select(r => r.Seq).Concat(events.Select(e => e.Seq)).ToList();

        var duplicates = stored.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).Take(10).ToList();
        Assert.That(duplicates, Is.Empty, $"{deviceId}: the cloud holds these sequence numbers more than once");

        var storedSet = stored.ToHashSet();
        var missing = Enumerable.Range(1, checked((int)outbox.LastSequence))
            .Select(i => (long)i)
            .Where(s => !storedSet.Contains(s) && !outbox.Pending.Contains(s))
            .Take(20)
            .ToList();
        Assert.That(missing, Is.Empty, $"{deviceId}: given by the gateway but neither in the cloud nor in its outbox (lost)");
        Assert.That(storedSet.Where(s => s > outbox.LastSequence), Is.Empty, $"{deviceId}: the cloud holds numbers the gateway never gave");

        // Channels are read concurrently, so across channels time and sequence may interleave; within
        // one channel the gateway numbers readings in the order it took them.
        foreach (var channel in readings.GroupBy(r => r.Channel))
        {
            var ordered = channel.OrderBy(r => r.Timestamp).ThenBy(r => r.Seq).Select(r => r.Seq).ToList();
            Assert.That(ordered, Is.Ordered, $"{deviceId}/{channel.Key}: a channel's readings in time order must be in sequence order");
        }
        return storedSet.Count;
    }
}
