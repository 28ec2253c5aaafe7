using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Sensing;

namespace Thanhhoa.Iot.Edge.Rules;

/// <summary>The latest trustworthy value of each channel, as the rules see it. Bad readings are ignored: a dead sensor neither raises nor clears alarms.</summary>
public sealed class SiteState
{
    private readonly Dictionary<string, SensorReading> _latest = new(StringComparer.Ordinal);

    public void Update(SensorReading reading)
    {
        if (reading.Quality != Quality.Bad)
        {
            _latest[reading.Channel] = reading;
        }
    }

    public double? Value(string channel) => _latest.TryGetValue(channel, out var reading) ? reading.Value : null;
}
