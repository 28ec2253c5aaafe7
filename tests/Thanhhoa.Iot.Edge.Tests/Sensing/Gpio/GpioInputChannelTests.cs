using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Sensing.Fakes;
using Thanhhoa.Iot.Edge.Sensing.Gpio;
using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.Gpio;

/// <summary>The real GpioController over the fake driver; time from a FakeTimeProvider.</summary>
[TestFixture]
[Category("Unit")]
public sealed class GpioInputChannelTests
{
    private const int Pin = 17;
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly ChannelSpec Door = new("door", "bool", TimeSpan.FromSeconds(5));

    private FakeTimeProvider _time = null!;
    private FakeGpioDriver _driver = null!;
    private GpioController _controller = null!;

    [SetUp]
    public void CreateChip()
    {
        _time = new FakeTimeProvider(Start);
        _driver = new FakeGpioDriver();
        _controller = new GpioController(_driver);
    }

    [TearDown]
    public void DisposeChip()
    {
        _controller.Dispose();
        _driver.Dispose();
    }

    [Test]
    public void Transition_BouncyEdges_YieldsExactlyTheDebouncedTransitions()
    {
        using var channel = new GpioInputChannel(Door, _controller, Pin, PinMode.Input, activeLow: false, TimeSpan.FromMilliseconds(50), _time);
        var transitions = new List<SensorReading>();
        channel.Transition += transitions.Add;

        // contact closes with bounce, settles high at +12 ms
        Script((0, true), (2, false), (5, true), (9, false), (12, true));
        _time.Advance(TimeSpan.FromMilliseconds(988));
        // contact opens with bounce, settles low at 1006 ms
        Script((0, false), (3, true), (6, false));
        _time.Advance(TimeSpan.FromMilliseconds(994));
        // a 10 ms glitch, shorter than the debounce: nothing
        Script((0, true), (10, false));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.That(transitions.Select(t => (t.Value, t.Timestamp - Start)), Is.EqualTo(new[]
        {
            (1.0, TimeSpan.FromMilliseconds(62)),
            (0.0, TimeSpan.FromMilliseconds(1056)),
        }));
    }

    [Test]
    public async Task ReadAsync_InsideDebounceWindow_ReportsLastStableState()
    {
        using var channel = new GpioInputChannel(Door, _controller, Pin, PinMode.Input, activeLow: false, TimeSpan.FromMilliseconds(50), _time);

        _driver.SetInput(Pin, PinValue.High);
        _time.Advance(TimeSpan.FromMilliseconds(20));
        var during = await channel.ReadAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(30));
        var after = await channel.ReadAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(during.Value, Is.EqualTo(0.0));
            Assert.That(after.Value, Is.EqualTo(1.0));
            Assert.That(after.Timestamp, Is.EqualTo(Start.AddMilliseconds(50)));
        });
    }

    [Test]
    public async Task ReadAsync_ActiveLowContactToGround_InvertsThePin()
    {
        using var channel = new GpioInputChannel(Door, _controller, Pin, PinMode.InputPullUp, activeLow: true, TimeSpan.FromMilliseconds(50), _time);
        var transitions = new List<double>();
        channel.Transition += r => transitions.Add(r.Value);
        var open = await channel.ReadAsync(CancellationToken.None); // pull-up: pin high = contact open

        _driver.SetInput(Pin, PinValue.Low); // contact closes to ground
        _time.Advance(TimeSpan.FromMilliseconds(50));
        var closed = await channel.ReadAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(_driver.ModeOf(Pin), Is.EqualTo(PinMode.InputPullUp));
            Assert.That(open.Value, Is.EqualTo(0.0));
            Assert.That(closed.Value, Is.EqualTo(1.0));
            Assert.That(transitions, Is.EqualTo(new[] { 1.0 }));
        });
    }

    [Test]
    public async Task ReadAsync_EdgeMissedByDriver_PollCatchesTheLevel()
    {
        using var channel = new GpioInputChannel(Door, _controller, Pin, PinMode.Input, activeLow: false, TimeSpan.FromMilliseconds(50), _time);
        _driver.SetInput(Pin, PinValue.High);
        _controller.ClosePin(Pin); // drops the edge callbacks, as a lost interrupt would
        _controller.OpenPin(Pin, PinMode.Input);

        await channel.ReadAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(50));
        var reading = await channel.ReadAsync(CancellationToken.None);

        Assert.That(reading.Value, Is.EqualTo(1.0));
    }

    [Test]
    public async Task SetAsync_ActiveLowRelay_DrivesInvertedLevel()
    {
        using var relay = new GpioOutputChannel("gen_start", _controller, 27, activeLow: true);
        var released = _driver.LevelOf(27);

        await relay.SetAsync(true, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(released, Is.EqualTo(PinValue.High));
            Assert.That(_driver.LevelOf(27), Is.EqualTo(PinValue.Low));
            Assert.That(relay.IsOn, Is.True);
        });
    }

    private void Script(params (int AtMs, bool High)[] edges)
    {
        var now = 0;
        foreach (var (at, high) in edges)
        {
            _time.Advance(TimeSpan.FromMilliseconds(at - now));
            now = at;
            _driver.SetInput(Pin, high ? PinValue.High : PinValue.Low);
        }
    }
}
