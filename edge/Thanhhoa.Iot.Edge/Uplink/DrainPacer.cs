using System.Globalization;
using MQTTnet.Packets;

namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>
/// Paces telemetry to the drain rate the cloud asks for: the MQTT 5 user property <see cref="PropertyName"/>
/// (readings per second, this gateway's share of the cloud's ingest pace) on CONNACK and on every PUBACK.
/// After a batch of n readings the next one waits until n / rate after the batch started; the first batch of a
/// session waits a random part of one batch's time, so a fleet that reconnects at once after an outage
/// spreads its backlogs instead of queueing them at the cloud together. No property (an external broker, an
/// unpaced cloud): no pacing. Events and control messages are never held.
/// </summary>
internal sealed class DrainPacer(TimeProvider time, Random random)
{
    /// <summary>The user property's name; the cloud's ingest sets it.</summary>
    public const string PropertyName = "thiot-drain";

    private DateTimeOffset _nextTelemetry = DateTimeOffset.MinValue;

    /// <summary>Readings per second the cloud asked for; null when it asked for nothing.</summary>
    public double? ReadingsPerSecond { get; private set; }

    /// <summary>A session opened: takes the CONNACK's hint and spreads the first batch (<paramref name="firstBatch"/> readings).</summary>
    public void SessionStarted(IReadOnlyCollection<MqttUserProperty>? connack, int firstBatch)
    {
        ReadingsPerSecond = Parse(connack);
        _nextTelemetry = ReadingsPerSecond is { } rate && firstBatch > 0
            ? time.GetUtcNow() + TimeSpan.FromSeconds(random.NextDouble() * firstBatch / rate)
            : DateTimeOffset.MinValue;
    }

    /// <summary>A telemetry batch of <paramref name="readings"/> that started at <paramref name="started"/> was acknowledged with <paramref name="puback"/>.</summary>
    public void TelemetryDelivered(int readings, DateTimeOffset started, IReadOnlyCollection<MqttUserProperty>? puback)
    {
        if (Parse(puback) is { } fresh)
        {
            ReadingsPerSecond = fresh;
        }

        _nextTelemetry = ReadingsPerSecond is { } rate ? started + TimeSpan.FromSeconds(readings / rate) : DateTimeOffset.MinValue;
    }

    /// <summary>How long the next telemetry batch must still wait; zero when it may go now.</summary>
    public TimeSpan Hold()
    {
        var wait = _nextTelemetry - time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private static double? Parse(IReadOnlyCollection<MqttUserProperty>? properties)
    {
        var property = properties?.FirstOrDefault(p => p.Name == PropertyName);
        return property is not null
            && double.TryParse(property.ReadValueAsString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate)
            && rate > 0 && double.IsFinite(rate)
            ? rate
            : null;
    }
}
