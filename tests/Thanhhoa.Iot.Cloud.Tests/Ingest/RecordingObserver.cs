using Thanhhoa.Iot.Cloud.Ingest;

namespace Thanhhoa.Iot.Cloud.Tests.Ingest;

/// <summary>Remembers what ingest reported (the observer is a seam of ours, not I/O).</summary>
internal sealed class RecordingObserver : IIngestObserver
{
    public int ReadingsAdded { get; private set; }

    public int Duplicates { get; private set; }

    public int EventsAdded { get; private set; }

    public int StoreFailures { get; private set; }

    public List<string> Rejects { get; } = [];

    public void ReadingsAppended(int added, int duplicates)
    {
        ReadingsAdded += added;
        Duplicates += duplicates;
    }

    public void EventsAppended(int added, int duplicates)
    {
        EventsAdded += added;
        Duplicates += duplicates;
    }

    public void Rejected(string reason) => Rejects.Add(reason);

    public void StoreFailed() => StoreFailures++;
}
