namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>The devices of one group commit (distinct, in the order their rows are locked) and each one's writes, in group order.</summary>
internal sealed class Senders
{
    private readonly Dictionary<string, List<PendingReadings>> _writes;

    private Senders(Dictionary<string, List<PendingReadings>> writes)
    {
        _writes = writes;
        Devices = [.. writes.Keys];
        Array.Sort(Devices, StringComparer.Ordinal);
    }

    /// <summary>Ordinal order: every group locks ledger and device rows in this order, so concurrent groups never deadlock.</summary>
    public string[] Devices { get; }

    public static Senders Of(IReadOnlyList<PendingReadings> writes)
    {
        var byDevice = new Dictionary<string, List<PendingReadings>>(StringComparer.Ordinal);
        foreach (var write in writes)
        {
            if (!byDevice.TryGetValue(write.DeviceId, out var list))
            {
                list = new List<PendingReadings>(1);
                byDevice.Add(write.DeviceId, list);
            }

            list.Add(write);
        }

        return new Senders(byDevice);
    }

    public IReadOnlyList<PendingReadings> WritesOf(string deviceId) => _writes[deviceId];

    /// <summary>The earliest arrival among the device's writes (its <c>first_seen</c> if the group creates its row).</summary>
    public DateTimeOffset FirstSeenAt(string deviceId)
    {
        var writes = _writes[deviceId];
        var first = writes[0].SeenAt;
        for (var i = 1; i < writes.Count; i++)
        {
            first = writes[i].SeenAt < first ? writes[i].SeenAt : first;
        }

        return first;
    }
}
