using Thanhhoa.Iot.Edge.Rules;

namespace Thanhhoa.Iot.Edge.Sensing.Filtering;

/// <summary>
/// What happens to polled readings: the alarm engine sees every one of them (also those report by
/// exception will drop) and appends its events first, so an alarm's sequence number is lower than
/// the telemetry that came with it; then the readings that pass the filter go to the inner sink.
/// </summary>
public sealed class SitePipeline : IReadingSink
{
    private readonly AlarmEngine _alarms;
    private readonly ReportByExceptionFilter _filter;
    private readonly IReadingSink _inner;

    public SitePipeline(AlarmEngine alarms, ReportByExceptionFilter filter, IReadingSink inner)
    {
        _alarms = alarms;
        _filter = filter;
        _inner = inner;
    }

    public async ValueTask AcceptAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
    {
        if (readings.Count == 0)
        {
            return;
        }

        await _alarms.ObserveAsync(readings, cancellationToken).ConfigureAwait(false);
        var passed = _filter.Filter(readings);
        if (passed.Count > 0)
        {
            await _inner.AcceptAsync(passed, cancellationToken).ConfigureAwait(false);
        }
    }
}
