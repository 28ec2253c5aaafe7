using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Thanhhoa.Iot.Edge.Sensing.Gpio;

/// <summary>
/// Carries debounced digital transitions to the reading sink as they happen, instead of waiting
/// for the next poll: a mains failure reaches the alarm rules within the debounce time.
/// </summary>
public sealed partial class DigitalTransitionForwarder : BackgroundService
{
    private readonly IReadOnlyList<IDigitalInputChannel> _inputs;
    private readonly IReadingSink _sink;
    private readonly ILogger<DigitalTransitionForwarder> _logger;
    private readonly Channel<SensorReading> _queue = Channel.CreateUnbounded<SensorReading>(new UnboundedChannelOptions { SingleReader = true });

    public DigitalTransitionForwarder(IReadOnlyList<IDigitalInputChannel> inputs, IReadingSink sink, ILogger<DigitalTransitionForwarder> logger)
    {
        _inputs = inputs;
        _sink = sink;
        _logger = logger;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var input in _inputs)
        {
            input.Transition += Enqueue;
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var input in _inputs)
        {
            input.Transition -= Enqueue;
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var reading in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await _sink.AcceptAsync([reading], stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogForwardFailed(_logger, ex, reading.Channel);
            }
        }
    }

    private void Enqueue(SensorReading reading) => _queue.Writer.TryWrite(reading);

    [LoggerMessage(EventId = 2041, Level = LogLevel.Error, Message = "Could not hand the transition of channel {Channel} to the reading sink")]
    private static partial void LogForwardFailed(ILogger logger, Exception exception, string channel);
}
