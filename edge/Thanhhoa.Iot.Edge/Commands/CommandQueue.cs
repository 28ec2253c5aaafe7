using System.Threading.Channels;

namespace Thanhhoa.Iot.Edge.Commands;

/// <summary>Ids of received commands waiting for the executor, in arrival order.</summary>
internal sealed class CommandQueue
{
    private readonly Channel<string> _ids = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _recovered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the executor has finished what the last run left; new commands wait for it.</summary>
    public Task Recovered => _recovered.Task;

    public void MarkRecovered() => _recovered.TrySetResult();

    public void Enqueue(string id) => _ids.Writer.TryWrite(id);

    public ChannelReader<string> Reader => _ids.Reader;
}
