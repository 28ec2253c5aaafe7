using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>Which alarms a gateway's events leave raised: per code, the latest raise or clear by event time wins.</summary>
internal static class AlarmState
{
    public static List<StoredEvent> Active(IReadOnlyList<StoredEvent> eventsInOrder)
    {
        var latest = new Dictionary<string, StoredEvent>(StringComparer.Ordinal);
        foreach (var e in eventsInOrder)
        {
            if (e.Action != EventAction.Info)
            {
                latest[e.Code] = e;
            }
        }

        return latest.Values.Where(e => e.Action == EventAction.Raise).OrderByDescending(e => e.Severity).ThenBy(e => e.Timestamp).ToList();
    }

    public static string IdOf(StoredEvent raise) => $"{raise.DeviceId}:{raise.Code}:{raise.Seq}";
}
