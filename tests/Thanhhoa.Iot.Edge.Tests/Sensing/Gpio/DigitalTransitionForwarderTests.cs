using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Sensing.Gpio;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.Gpio;

[TestFixture]
[Category("Unit")]
public sealed class DigitalTransitionForwarderTests
{
    [Test]
    public async Task StartAsync_InputTransition_ReachesTheSinkWithoutWaitingForAPoll()
    {
        var input = new ManualInput("door");
        var sink = new SignallingSink();
        using var forwarder = new DigitalTransitionForwarder([input], sink, NullLogger<DigitalTransitionForwarder>.Instance);
        await forwarder.StartAsync(CancellationToken.None);

        var reading = new SensorReading("door", DateTimeOffset.UnixEpoch, 1.0, Quality.Good);
        input.Raise(reading);
        var forwarded = await sink.First.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await forwarder.StopAsync(CancellationToken.None);

        Assert.That(forwarded, Is.EqualTo(new[] { reading }));
    }

    private sealed class ManualInput(string id) : IDigitalInputChannel
    {
        public event Action<SensorReading>? Transition;

        public string Id => id;

        public string Unit => "bool";

        public TimeSpan PollInterval => TimeSpan.FromMinutes(1);

        public void Raise(SensorReading reading) => Transition?.Invoke(reading);

        public ValueTask<SensorReading> ReadAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class SignallingSink : IReadingSink
    {
        public TaskCompletionSource<IReadOnlyList<SensorReading>> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask AcceptAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
        {
            First.TrySetResult(readings);
            return ValueTask.CompletedTask;
        }
    }
}
