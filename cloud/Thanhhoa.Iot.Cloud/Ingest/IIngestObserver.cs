namespace Thanhhoa.Iot.Cloud.Ingest;

/// <summary>Told what ingest did, for metrics.</summary>
public interface IIngestObserver
{
    void ReadingsAppended(int added, int duplicates);

    void EventsAppended(int added, int duplicates);

    void Rejected(string reason);

    void StoreFailed();
}
