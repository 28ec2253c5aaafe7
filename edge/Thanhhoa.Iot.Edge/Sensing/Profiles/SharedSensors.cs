namespace Thanhhoa.Iot.Edge.Sensing.Profiles;

/// <summary>One driver object per chip, shared by that chip's channels; a failed build is not cached, so the next read retries it.</summary>
internal sealed class SharedSensors<TSensor> : IDisposable
    where TSensor : class, IDisposable
{
    private readonly Dictionary<(int Bus, int Address), TSensor> _sensors = [];
    private readonly Lock _lock = new();

    public TSensor Get(int bus, int address, Func<TSensor> build)
    {
        lock (_lock)
        {
            if (!_sensors.TryGetValue((bus, address), out var sensor))
            {
                sensor = build();
                _sensors[(bus, address)] = sensor;
            }

            return sensor;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var sensor in _sensors.Values)
            {
                sensor.Dispose();
            }

            _sensors.Clear();
        }
    }
}
