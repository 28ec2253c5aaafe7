using System.Device.Gpio;

namespace Thanhhoa.Iot.Edge.Sensing.Gpio;

/// <summary>A relay or other output on a GPIO pin; opened released (off) at start.</summary>
public sealed class GpioOutputChannel : IOutputChannel, IDisposable
{
    private readonly GpioController _controller;
    private readonly int _pin;
    private readonly bool _activeLow;

    public GpioOutputChannel(string id, GpioController controller, int pin, bool activeLow)
    {
        Id = id;
        _controller = controller;
        _pin = pin;
        _activeLow = activeLow;
        controller.OpenPin(pin, PinMode.Output, Level(false));
    }

    public string Id { get; }

    public bool IsOn { get; private set; }

    public ValueTask SetAsync(bool on, CancellationToken cancellationToken)
    {
        _controller.Write(_pin, Level(on));
        IsOn = on;
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        if (_controller.IsPinOpen(_pin))
        {
            _controller.ClosePin(_pin);
        }
    }

    private PinValue Level(bool on) => on ^ _activeLow ? PinValue.High : PinValue.Low;
}
