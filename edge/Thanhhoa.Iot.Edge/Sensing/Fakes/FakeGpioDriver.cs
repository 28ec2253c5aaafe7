using System.Device.Gpio;

namespace Thanhhoa.Iot.Edge.Sensing.Fakes;

/// <summary>
/// An in-memory GPIO chip for the simulated site and tests, under the real <see cref="GpioController"/>.
/// <see cref="SetInput"/> changes an input's level and fires the edge callbacks like the kernel would;
/// a pull-up input nobody drives reads high.
/// </summary>
public sealed class FakeGpioDriver : GpioDriver
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, PinValue> _levels = [];
    private readonly Dictionary<int, List<(PinEventTypes Events, PinChangeEventHandler Handler)>> _callbacks = [];

    public const int Pins = 64;

    /// <summary>Drives an input pin to <paramref name="level"/>; fires Rising/Falling callbacks when it changes.</summary>
    public void SetInput(int pin, PinValue level)
    {
        List<(PinEventTypes Events, PinChangeEventHandler Handler)> targets;
        PinEventTypes edge;
        lock (_lock)
        {
            var before = LevelOf(pin);
            _levels[pin] = level;
            if (before == level)
            {
                return;
            }

            edge = level == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            targets = _callbacks.TryGetValue(pin, out var list) ? [.. list.Where(c => (c.Events & edge) != 0)] : [];
        }

        foreach (var (_, handler) in targets)
        {
            handler(this, new PinValueChangedEventArgs(edge, pin));
        }
    }

    /// <summary>The level last written to an output pin (or driven on an input).</summary>
    public PinValue LevelOf(int pin)
    {
        lock (_lock)
        {
            if (_levels.TryGetValue(pin, out var level))
            {
                return level;
            }

            return _modes.TryGetValue(pin, out var mode) && mode == PinMode.InputPullUp ? PinValue.High : PinValue.Low;
        }
    }

    public PinMode? ModeOf(int pin)
    {
        lock (_lock)
        {
            return _modes.TryGetValue(pin, out var mode) ? mode : null;
        }
    }

    protected override int PinCount => Pins;

    protected override void OpenPin(int pinNumber)
    {
    }

    protected override void ClosePin(int pinNumber)
    {
        lock (_lock)
        {
            _modes.Remove(pinNumber);
            _callbacks.Remove(pinNumber);
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (_lock)
        {
            _modes[pinNumber] = mode;
        }
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_lock)
        {
            return _modes.TryGetValue(pinNumber, out var mode) ? mode : PinMode.Input;
        }
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => pinNumber is >= 0 and < Pins;

    protected override PinValue Read(int pinNumber) => LevelOf(pinNumber);

    protected override void Write(int pinNumber, PinValue value)
    {
        lock (_lock)
        {
            _levels[pinNumber] = value;
        }
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        cancellationToken.WaitHandle.WaitOne();
        return new WaitForEventResult { TimedOut = true, EventTypes = PinEventTypes.None };
    }

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_lock)
        {
            if (!_callbacks.TryGetValue(pinNumber, out var list))
            {
                _callbacks[pinNumber] = list = [];
            }

            list.Add((eventTypes, callback));
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_lock)
        {
            if (_callbacks.TryGetValue(pinNumber, out var list))
            {
                list.RemoveAll(c => c.Handler == callback);
            }
        }
    }
}
