namespace Thanhhoa.Iot.Cloud.Storage;

/// <summary>Told about every durable commit, so metrics can show store write latency and group sizes.</summary>
public interface IStoreWriteObserver
{
    void Committed(int requests, TimeSpan elapsed);
}
