using System.Device.Gpio;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Sensing.Gpio;

/// <summary>
/// A debounced digital input (mains present, generator running, door contact, smoke detector).
/// Edges come from the GPIO driver's callbacks; each poll also feeds the pin's level to the
/// debouncer, so an edge the driver missed is still caught. Values are 1 (active) or 0.
/// Does not dispose the <see cref="GpioController"/> it was given; closes its pin on dispose.
/// </summary>
public sealed class GpioInputChannel : IDigitalInputChannel, IDisposable
{
    private readonly GpioController _controller;
    private readonly int _pin;
    private readonly bool _activeLow;
    private readonly TimeProvider _time;
    private readonly Debouncer _debouncer;

    public GpioInputChannel(ChannelSpec spec, GpioController controller, int pin, PinMode mode, bool activeLow, TimeSpan debounce, TimeProvider time)
    {
        Id = spec.Id;
        Unit = spec.Unit;
        PollInterval = spec.PollInterval;
        _controller = controller;
        _pin = pin;
        _activeLow = activeLow;
        _time = time;
        controller.OpenPin(pin, mode);
        _debouncer = new Debouncer(ReadLevel(), debounce, time);
        _debouncer.Changed += OnDebounced;
        controller.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, OnEdge);
    }

    public event Action<SensorReading>? Transition;

    public string Id { get; }

    public string Unit { get; }

    public TimeSpan PollInterval { get; }

    /// <summary>The debounced state: true when the input is active (after active-low inversion).</summary>
    public bool IsActive => _debouncer.Stable;

    public ValueTask<SensorReading> ReadAsync(CancellationToken cancellationToken)
    {
        _debouncer.Observe(ReadLevel());
        return ValueTask.FromResult(ToReading(_debouncer.Stable));
    }

    public void Dispose()
    {
        _controller.UnregisterCallbackForPinValueChangedEvent(_pin, OnEdge);
        _debouncer.Dispose();
        if (_controller.IsPinOpen(_pin))
        {
            _controller.ClosePin(_pin);
        }
    }

    private bool ReadLevel() => (_controller.Read(_pin) == PinValue.High) ^ _activeLow;

    private void OnEdge(object sender, PinValueChangedEventArgs args) =>
        _debouncer.Observe((args.ChangeType == PinEventTypes.Rising) ^ _activeLow);

    private void OnDebounced(bool active, DateTimeOffset at) => Transition?.Invoke(new SensorReading(Id, at, active ? 1.0 : 0.0, Quality.Good));

    private SensorReading ToReading(bool active) => new(Id, _time.GetUtcNow(), active ? 1.0 : 0.0, Quality.Good);
}
