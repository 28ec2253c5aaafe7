using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>
/// Fans live updates out to every open <c>/api/stream</c>. Each subscriber has a bounded queue; one that
/// falls that far behind is closed (its browser reconnects and reloads), so a stuck tab never holds memory.
/// </summary>
public sealed class DashboardFeed(IOptions<JsonOptions> json)
{
    private const int QueueCapacity = 20_000;
    private readonly ConcurrentDictionary<Channel<string>, byte> _subscribers = new();

    public bool HasSubscribers => !_subscribers.IsEmpty;

    public ChannelReader<string> Subscribe(CancellationToken until)
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _subscribers[channel] = 0;
        until.Register(() => Drop(channel));
        return channel.Reader;
    }

    /// <summary>Sends one server-sent event (<c>event: name</c>, <c>data: json</c>) to every subscriber.</summary>
    public void Publish(string eventName, object payload)
    {
        if (_subscribers.IsEmpty)
        {
            return;
        }

        var message = $"event: {eventName}\ndata: {JsonSerializer.Serialize(payload, json.Value.SerializerOptions)}\n\n";
        foreach (var channel in _subscribers.Keys)
        {
            if (!channel.Writer.TryWrite(message))
            {
                Drop(channel);
            }
        }
    }

    private void Drop(Channel<string> channel)
    {
        _subscribers.TryRemove(channel, out _);
        channel.Writer.TryComplete();
    }
}
