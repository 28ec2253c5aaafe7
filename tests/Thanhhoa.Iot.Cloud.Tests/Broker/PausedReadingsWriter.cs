using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;

namespace Thanhhoa.Iot.Cloud.Tests.Broker;

/// <summary>Holds every write until <see cref="Resume"/>; signals once <paramref name="expected"/> writes wait at once.</summary>
internal sealed class PausedReadingsWriter(int expected)
{
    private readonly TaskCompletionSource _resume = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _allWaiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waiting;

    public int Waiting => Volatile.Read(ref _waiting);

    public Task AllWaiting => _allWaiting.Task;

    public void Resume() => _resume.TrySetResult();

    public IReadingsWriter Wrap(IReadingsWriter inner) => new Writer(this, inner);

    /// <summary>Puts the cloud's LiteDB readings writer behind this hold.</summary>
    public void HoldLiteDbWrites(IServiceCollection services)
    {
        services.RemoveAll<IReadingsWriter>();
        services.AddSingleton<IReadingsWriter>(sp => Wrap(new LiteReadingsWriter(sp.GetRequiredService<LiteDbStore>())));
    }

    private async Task<ReadingsStored> HoldAsync(IReadingsWriter inner, string deviceId, IReadOnlyList<StoredReading> readings, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _waiting) >= expected)
        {
            _allWaiting.TrySetResult();
        }

        await _resume.Task.WaitAsync(cancellationToken);
        return await inner.StoreReadingsAsync(deviceId, readings, seenAt, cancellationToken);
    }

    private sealed class Writer(PausedReadingsWriter owner, IReadingsWriter inner) : IReadingsWriter
    {
        public Task<ReadingsStored> StoreReadingsAsync(string deviceId, IReadOnlyList<StoredReading> readings, DateTimeOffset seenAt, CancellationToken cancellationToken) =>
            owner.HoldAsync(inner, deviceId, readings, seenAt, cancellationToken);
    }
}
