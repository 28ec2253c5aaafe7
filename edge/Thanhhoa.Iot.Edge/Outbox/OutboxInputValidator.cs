using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.Edge.Sensing;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// Rejects rows the wire contract would refuse later: once stored, such a row would block the
/// uplink forever, so it is refused before it gets a sequence number.
/// </summary>
internal static class OutboxInputValidator
{
    public static void Validate(IReadOnlyList<SensorReading> readings)
    {
        for (var i = 0; i < readings.Count; i++)
        {
            var reading = readings[i];
            if (string.IsNullOrEmpty(reading.Channel))
            {
                throw new ArgumentException($"Reading {i} has no channel id; every reading needs the channel it came from.", nameof(readings));
            }

            if (!double.IsFinite(reading.Value))
            {
                throw new ArgumentException($"Reading {i} of channel '{reading.Channel}' has value {reading.Value}; values must be finite (report a failed sensor as Quality.Bad with value 0).", nameof(readings));
            }
        }
    }

    public static void Validate(EventDraft draft)
    {
        if (string.IsNullOrEmpty(draft.Code))
        {
            throw new ArgumentException("The event has no code; give it a condition code such as mains_fail.", nameof(draft));
        }

        foreach (var (key, value) in draft.Values ?? new Dictionary<string, double>())
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"Event '{draft.Code}' carries value {value} for '{key}'; values must be finite.", nameof(draft));
            }
        }
    }

    public static void Validate(OutboxMessage message)
    {
        if (message.Kind is not (TopicKind.CommandResult or TopicKind.ConfigReported or TopicKind.FirmwareReported))
        {
            throw new ArgumentException($"Control messages go to up/cmd-result, up/config-reported or up/firmware-reported, not {message.Kind}; readings and events have their own appends.", nameof(message));
        }

        if (message.Payload is null || message.Payload.Length == 0 || message.Payload.Length > ContractInfo.MaxPayloadBytes)
        {
            throw new ArgumentException($"A {message.Kind} payload of {message.Payload?.Length ?? 0} bytes cannot be sent; it must be 1–{ContractInfo.MaxPayloadBytes} bytes (shorten the result).", nameof(message));
        }
    }
}
