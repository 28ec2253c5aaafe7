namespace Thanhhoa.Iot.Edge.Sensing.Gpio;

/// <summary>A channel that also reports its debounced transitions the moment they happen, between polls.</summary>
public interface IDigitalInputChannel : ISensorChannel
{
    /// <summary>Raised on the driver's thread for each debounced transition; the reading carries the new state.</summary>
    event Action<SensorReading>? Transition;
}
