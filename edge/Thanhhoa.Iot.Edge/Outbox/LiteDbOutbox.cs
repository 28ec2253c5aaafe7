using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Timekeeping;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// The gateway's durable outbox on LiteDB 5. Appends and acknowledgements queue for one writer
/// thread that commits everything pending in one transaction followed by one fsync of the log
/// (group commit); a caller's task completes only after that fsync. Readings and events share one
/// sequence space (with the control messages of the priority lane) whose high-water mark is stored with the rows, so numbers never repeat across
/// restarts, process kills and power cuts. Peeks show only rows that are already durable.
/// </summary>
public sealed class LiteDbOutbox : IOutbox, IAggregatingOutbox, IDisposable
{
    private readonly Channel<OutboxRequest> _queue;
    private readonly OutboxDatabaseHolder _database = new();
    private readonly PendingSignal _pending = new();
    private readonly OutboxWriter _writer;
    private readonly long _quotaBytes;
    private readonly IOutboxStorage _storage;
    private readonly IClockTrust? _clock;
    private int _disposed;

    public LiteDbOutbox(
        IOptions<OutboxOptions> options,
        IOutboxStorage storage,
        IOutboxRetentionPolicy retentionPolicy,
        TimeProvider timeProvider,
        ILogger<LiteDbOutbox> logger,
        IClockTrust? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(retentionPolicy);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var value = options.Value;
        _quotaBytes = value.QuotaBytes;
        _storage = storage;
        _clock = clock;
        _queue = Channel.CreateBounded<OutboxRequest>(new BoundedChannelOptions(value.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var quota = new QuotaEnforcer(retentionPolicy, timeProvider, value.QuotaBytes, QuotaEnforcer.CheckpointPagesFor(value))
        {
            InFlightReadings = value.AggregateInFlightReadings,
        };
        _writer = new OutboxWriter(_queue.Reader, _database, storage, quota, _pending, (ILogger?)logger ?? NullLogger.Instance, value);
        try
        {
            _writer.OpenAndStart();
        }
        catch
        {
            _database.Dispose();
            throw;
        }
    }

    /// <summary>Opens an outbox on the default file storage with the default retention (for tools and tests).</summary>
    public static LiteDbOutbox Open(OutboxOptions options, ILogger<LiteDbOutbox>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var wrapped = Options.Create(options);
        return new LiteDbOutbox(wrapped, new FileOutboxStorage(wrapped), new DropOldestReadingsPolicy(), TimeProvider.System, logger ?? NullLogger<LiteDbOutbox>.Instance);
    }

    public async ValueTask<IReadOnlyList<long>> AppendReadingsAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        OutboxInputValidator.Validate(readings);
        if (readings.Count == 0)
        {
            return [];
        }

        var request = new AppendReadingsRequest(readings, cancellationToken) { Stamps = StampAll(readings) };
        await EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
        return await request.Task.ConfigureAwait(false);
    }

    public async ValueTask<long> AppendEventAsync(EventDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        OutboxInputValidator.Validate(draft);
        var request = new AppendEventRequest(draft, cancellationToken) { Stamp = _clock?.Stamp(draft.Timestamp) };
        await EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
        return await request.Task.ConfigureAwait(false);
    }

    public async ValueTask<long> AppendMessageAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        OutboxInputValidator.Validate(message);
        var request = new AppendMessageRequest(message, cancellationToken);
        await EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
        return await request.Task.ConfigureAwait(false);
    }

    public async ValueTask AcknowledgeAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (sequences.Count == 0)
        {
            return;
        }

        var request = new AcknowledgeRequest(sequences.ToArray(), cancellationToken);
        await EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
        await request.Task.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task AggregatePendingAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        var request = new AggregateRequest(interval, cancellationToken);
        await EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
        await request.Task.ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="IOException">The storage failed under the read; the writer reopens it on its next batch.</exception>
    public IReadOnlyList<DeviceEvent> PeekEvents(int max)
    {
        var durable = _writer.Snapshot.DurableSeq;
        return Peek(db => db.PeekEvents(durable, max, Correct));
    }

    /// <inheritdoc />
    /// <exception cref="IOException">The storage failed under the read; the writer reopens it on its next batch.</exception>
    public IReadOnlyList<Reading> PeekReadings(int max)
    {
        var durable = _writer.Snapshot.DurableSeq;
        return Peek(db => db.PeekReadings(durable, max, Correct));
    }

    /// <inheritdoc />
    /// <exception cref="IOException">The storage failed under the read; the writer reopens it on its next batch.</exception>
    public IReadOnlyList<PendingMessage> PeekMessages(int max)
    {
        var snapshot = _writer.Snapshot;
        return snapshot.Counters.MessageCount == 0 ? [] : Peek(db => db.PeekMessages(snapshot.DurableSeq, max));
    }

    /// <inheritdoc />
    public async ValueTask<int> ReanchorAsync(CancellationToken cancellationToken)
    {
        if (_clock is not { IsTrusted: true } clock)
        {
            return 0;
        }

        var request = new ReanchorRequest(clock.Correct, cancellationToken);
        await EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
        return await request.Task.ConfigureAwait(false);
    }

    public Task WaitForPriorityAsync(CancellationToken cancellationToken) =>
        _pending.WaitAsync(() => _writer.Snapshot.HasPriority && _database.IsOpen, cancellationToken);

    public Task WaitForPendingAsync(CancellationToken cancellationToken) =>
        _pending.WaitAsync(() => _writer.Snapshot.HasPending && _database.IsOpen, cancellationToken);

    public OutboxStatus GetStatus()
    {
        var snapshot = _writer.Snapshot;
        return new OutboxStatus(
            snapshot.Counters.ReadingCount,
            snapshot.Counters.EventCount,
            snapshot.Counters.LastSeq,
            snapshot.UsedBytes,
            _quotaBytes,
            snapshot.DroppedReadings,
            snapshot.FailedWrites,
            snapshot.Counters.MessageCount);
    }

    /// <summary>
    /// Runs of sequence numbers whose readings were dropped at the quota, oldest first, kept across
    /// restarts (for the loss ledger reported to the cloud).
    /// </summary>
    public IReadOnlyList<DroppedRange> GetDroppedRanges() => _writer.Snapshot.DroppedRanges;

    /// <summary>
    /// Runs of sequence numbers whose readings were replaced by aggregates at the quota, oldest first,
    /// kept across restarts (for the loss ledger reported to the cloud).
    /// </summary>
    public IReadOnlyList<DownsampledRange> GetDownsampledRanges() => _writer.Snapshot.DownsampledRanges;

    /// <summary>Stops taking requests, lets the writer finish what is queued, and closes the files.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        _writer.Join();
        _database.Dispose();
    }

    private Func<long, long, DateTimeOffset?>? Correct => _clock is { } clock ? clock.Correct : null;

    private ClockStamp[]? StampAll(IReadOnlyList<SensorReading> readings)
    {
        if (_clock is not { } clock)
        {
            return null;
        }

        var stamps = new ClockStamp[readings.Count];
        for (var i = 0; i < stamps.Length; i++)
        {
            stamps[i] = clock.Stamp(readings[i].Timestamp);
        }

        return stamps;
    }

    private List<T> Peek<T>(Func<OutboxDatabase, List<T>> read)
    {
        try
        {
            return _database.Read(read, []);
        }
        catch (Exception e) when (e is LiteDB.LiteException or ObjectDisposedException or IOException)
        {
            throw new IOException($"The outbox at '{_storage.Description}' could not be read: {e.Message}. It is reopened on the next write; retry after that.", e);
        }
    }

    private async ValueTask EnqueueAsync(OutboxRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException e)
        {
            throw new ObjectDisposedException($"The outbox is closed; nothing was stored. ({e.Message})");
        }
    }
}
