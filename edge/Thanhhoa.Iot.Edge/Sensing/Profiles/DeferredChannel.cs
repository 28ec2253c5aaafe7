using Thanhhoa.Iot.Edge.Sensing.Gpio;

namespace Thanhhoa.Iot.Edge.Sensing.Profiles;

/// <summary>
/// Builds its driver on first use and again after a failed build, so a sensor missing at start (an
/// I2C chip that does not answer, a GPIO chip not yet there) makes bad readings, not a dead gateway.
/// Passes on the driver's digital transitions once it exists.
/// </summary>
public sealed class DeferredChannel : IDigitalInputChannel, IDisposable
{
    private readonly Func<ISensorChannel> _build;
    private readonly Lock _lock = new();
    private ISensorChannel? _driver;

    public DeferredChannel(ChannelSpec spec, Func<ISensorChannel> build)
    {
        Id = spec.Id;
        Unit = spec.Unit;
        PollInterval = spec.PollInterval;
        _build = build;
    }

    public event Action<SensorReading>? Transition;

    public string Id { get; }

    public string Unit { get; }

    public TimeSpan PollInterval { get; }

    /// <summary>The driver, once built.</summary>
    public ISensorChannel? Driver => _driver;

    /// <summary>Builds the driver now if possible; false (the failure is left for the first read to report) otherwise.</summary>
    public bool TryBuild()
    {
        try
        {
            GetDriver();
            return true;
        }
        catch (Exception)
        {
            return false; // whatever the driver threw (GpiodException, IOException...), the first read reports it
        }
    }

    public ValueTask<SensorReading> ReadAsync(CancellationToken cancellationToken) => GetDriver().ReadAsync(cancellationToken);

    public void Dispose()
    {
        lock (_lock)
        {
            (_driver as IDisposable)?.Dispose();
            _driver = null;
        }
    }

    private ISensorChannel GetDriver()
    {
        lock (_lock)
        {
            if (_driver is null)
            {
                _driver = _build();
                if (_driver is IDigitalInputChannel digital)
                {
                    digital.Transition += reading => Transition?.Invoke(reading);
                }
            }

            return _driver;
        }
    }
}
