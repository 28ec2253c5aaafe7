namespace Thanhhoa.Iot.Edge.Sensing.Profiles;

/// <summary>Applies the profile's <c>gain</c> and <c>offset</c> (a voltage divider, a sensor offset) to a driver's value.</summary>
public sealed class ScaledChannel : ISensorChannel
{
    private readonly ISensorChannel _inner;
    private readonly double _gain;
    private readonly double _offset;

    public ScaledChannel(ISensorChannel inner, double gain, double offset)
    {
        _inner = inner;
        _gain = gain;
        _offset = offset;
    }

    public string Id => _inner.Id;

    public string Unit => _inner.Unit;

    public TimeSpan PollInterval => _inner.PollInterval;

    public async ValueTask<SensorReading> ReadAsync(CancellationToken cancellationToken)
    {
        var reading = await _inner.ReadAsync(cancellationToken).ConfigureAwait(false);
        return reading with { Value = (reading.Value * _gain) + _offset };
    }
}
