namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>
/// Converts a data file of the layout before blocks (<see cref="LegacyReadingsConversion"/>) after the cloud has
/// started, one chunk per write of the store's writer, so ingest, the API and the dashboard run meanwhile; readings
/// not yet converted are not visible to queries until their chunk is. Stops between chunks when the host stops and
/// resumes from the cursor on the next start. Nothing to do (the common case) costs one catalogue look-up.
/// </summary>
internal sealed class LegacyReadingsConverter : BackgroundService
{
    private readonly LiteDbStore _store;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly int _chunkSize;
    private readonly Func<int, CancellationToken, Task>? _beforeChunk;

    public LegacyReadingsConverter(LiteDbStore store, ILogger<LegacyReadingsConverter> logger, TimeProvider time)
        : this(store, logger, time, LegacyReadingsConversion.DefaultChunkSize)
    {
    }

    /// <param name="beforeChunk">Tests: awaited before each chunk with its index (from 0 in this run), before the cancellation check.</param>
    internal LegacyReadingsConverter(
        LiteDbStore store, ILogger logger, TimeProvider time, int chunkSize, Func<int, CancellationToken, Task>? beforeChunk = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
        _store = store;
        _logger = logger;
        _time = time;
        _chunkSize = chunkSize;
        _beforeChunk = beforeChunk;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start: the look-ups below are synchronous LiteDB reads.
        await Task.Yield();
        try
        {
            await ConvertAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LiteDbLog.ConversionPaused(_logger, _store.DataFile);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LiteDbLog.ConversionFailed(_logger, ex, _store.DataFile);
        }
    }

    private async Task ConvertAsync(CancellationToken cancellationToken)
    {
        var db = _store.Database;
        if (!LegacyReadingsConversion.Pending(db))
        {
            return;
        }

        var started = _time.GetTimestamp();
        var (converted, remaining) = LegacyReadingsConversion.Count(db);
        var progress = new LegacyConversionProgress(_logger, _store.DataFile, converted + remaining, converted);
        if (remaining > 0)
        {
            LiteDbLog.ConversionStarted(_logger, _store.DataFile, remaining, converted + remaining);
        }

        for (var index = 0; ; index++)
        {
            if (_beforeChunk is not null)
            {
                await _beforeChunk(index, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            // In the bulk lane, as telemetry: background work that commands and alarms need not wait for.
            var chunk = await _store.Writer.WriteBulkAsync(
                d => LegacyReadingsConversion.ConvertNextChunk(d, _store.DeviceRows, _chunkSize), cancellationToken).ConfigureAwait(false);
            if (chunk is not { } done)
            {
                break;
            }

            progress.Add(done);
        }

        await _store.Writer.RunOutsideTransactionAsync(LegacyReadingsConversion.Finish, cancellationToken).ConfigureAwait(false);
        if (progress.Total > 0)
        {
            LiteDbLog.ConversionFinished(
                _logger, _store.DataFile, progress.Converted, progress.Blocks, progress.Duplicates, _time.GetElapsedTime(started).TotalSeconds);
        }
    }
}
