using System.Threading.Channels;
using MQTTnet;
using Thanhhoa.Iot.Cloud.Ingest;

namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>
/// Lets several messages from the external broker be stored at once (so their writes share a commit)
/// while acknowledging them strictly in arrival order, as MQTT requires, and each only after it is
/// stored. If storing fails, it stops acknowledging and reports it, so the connection is dropped and the
/// broker redelivers everything unacknowledged from the persistent session.
/// </summary>
internal sealed class OrderedAcknowledger
{
    private readonly Channel<(MqttApplicationMessageReceivedEventArgs Args, Task<IngestResult> Ingest)> _pending;
    private readonly Task _loop;

    public OrderedAcknowledger(int maxInFlight, Action onStoreFailed)
    {
        _pending = Channel.CreateBounded<(MqttApplicationMessageReceivedEventArgs, Task<IngestResult>)>(
            new BoundedChannelOptions(maxInFlight) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _loop = Task.Run(() => AcknowledgeInOrderAsync(onStoreFailed), CancellationToken.None);
    }

    /// <summary>Queues a message whose ingest has started; waits while <c>maxInFlight</c> are pending.</summary>
    public async Task EnqueueAsync(MqttApplicationMessageReceivedEventArgs args, Task<IngestResult> ingest, CancellationToken cancellationToken)
    {
        await _pending.Writer.WriteAsync((args, ingest), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops taking messages and waits until every queued one is stored and acknowledged (or abandoned).</summary>
    public Task CompleteAsync()
    {
        _pending.Writer.TryComplete();
        return _loop;
    }

    // Acknowledgements are not cancelled at shutdown: a stored message should not be redelivered needlessly.
    private async Task AcknowledgeInOrderAsync(Action onStoreFailed)
    {
        var failed = false;
        await foreach (var (args, ingest) in _pending.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            var result = await ingest.ConfigureAwait(false);
            if (failed)
            {
                continue; // Never acknowledge past a message that is not stored: the broker must redeliver it.
            }

            if (result.Outcome == IngestOutcome.Failed)
            {
                failed = true;
                onStoreFailed();
                continue;
            }

            try
            {
                await args.AcknowledgeAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failed = true; // The connection is gone; the broker redelivers the rest on the next session.
            }
        }
    }
}
