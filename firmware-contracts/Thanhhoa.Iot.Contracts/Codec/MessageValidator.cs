using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Contracts.Codec;

/// <summary>Rules the JSON Schemas state and a type system cannot: ranges, ordering, finiteness.</summary>
public static partial class MessageValidator
{
    private const int MaxTextLength = 500;

    /// <summary>Throws <see cref="ContractViolationException"/> unless the batch obeys the contract.</summary>
    public static void Validate(TelemetryBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        CheckVersion(batch.Version);
        CheckCount(batch.Readings?.Count ?? 0, ContractInfo.MaxReadingsPerBatch, "$.readings");
        for (var i = 0; i < batch.Readings!.Count; i++)
        {
            // The cloud validates every reading it ingests: the field path of an error is built only for a reading that fails.
            var r = batch.Readings[i];
            if (r is null || !IsValid(r) || (i > 0 && r.Seq <= batch.Readings[i - 1].Seq))
            {
                ThrowFor(batch.Readings, i);
            }
        }

        CheckRange(batch.SeqFrom, batch.SeqTo, batch.Readings[0].Seq, batch.Readings[^1].Seq);
    }

    private static bool IsValid(Reading r) =>
        r.Seq >= 1 && ContractInfo.IsValidId(r.Channel) && double.IsFinite(r.Value) && Enum.IsDefined(r.Quality) && Enum.IsDefined(r.TimeQuality);

    /// <summary>Throws the first violation of reading <paramref name="i"/>, named by its field path.</summary>
    private static void ThrowFor(IReadOnlyList<Reading> readings, int i)
    {
        var at = $"$.readings[{i}]";
        var r = NotNull(readings[i], at, "reading");
        CheckSeq(r.Seq, at);
        CheckId(r.Channel, at + ".ch", "channel id");
        CheckFinite(r.Value, at + ".val");
        CheckDefined(r.Quality, at + ".q");
        CheckDefined(r.TimeQuality, at + ".tq");
        throw new ContractViolationException(RejectReason.SequenceMismatch, at + ".seq",
            $"sequence {r.Seq} does not follow {readings[i - 1].Seq}; readings must be in ascending sequence order");
    }

    /// <summary>Throws <see cref="ContractViolationException"/> unless the batch obeys the contract.</summary>
    public static void Validate(EventBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        CheckVersion(batch.Version);
        CheckCount(batch.Events?.Count ?? 0, ContractInfo.MaxEventsPerBatch, "$.events");
        for (var i = 0; i < batch.Events!.Count; i++)
        {
            var at = $"$.events[{i}]";
            var e = NotNull(batch.Events[i], at, "event");
            CheckSeq(e.Seq, at);
            CheckId(e.Code, at + ".code", "event code");
            CheckDefined(e.Action, at + ".action");
            CheckDefined(e.Severity, at + ".severity");
            CheckDefined(e.TimeQuality, at + ".tq");
            if (e.Channel is not null)
            {
                CheckId(e.Channel, at + ".ch", "channel id");
            }

            CheckText(e.Message, at + ".msg");
            foreach (var (key, value) in e.Values ?? new Dictionary<string, double>())
            {
                CheckId(key, $"{at}.values", "value key");
                CheckFinite(value, $"{at}.values.{key}");
            }

            if (i > 0 && e.Seq <= batch.Events[i - 1].Seq)
            {
                throw new ContractViolationException(RejectReason.SequenceMismatch, at + ".seq",
                    $"sequence {e.Seq} does not follow {batch.Events[i - 1].Seq}; events must be in ascending sequence order");
            }
        }

        CheckRange(batch.SeqFrom, batch.SeqTo, batch.Events[0].Seq, batch.Events[^1].Seq);
    }

    /// <summary>Throws <see cref="ContractViolationException"/> unless the message obeys the contract.</summary>
    public static void Validate(StateMessage state)
    {
        ArgumentNullException.ThrowIfNull(state);
        CheckVersion(state.Version);
        CheckDefined(state.State, "$.state");
        if (state.Session < 1)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, "$.session",
                $"session counter {state.Session} must be 1 or more");
        }

        CheckText(state.Firmware, "$.fw", 64);
        if (state.Site is not null)
        {
            CheckId(state.Site, "$.site", "site code");
        }

        CheckText(state.Reason, "$.reason", 64);
    }

    private static T NotNull<T>(T? item, string at, string what)
        where T : class =>
        item ?? throw new ContractViolationException(RejectReason.InvalidValue, at, $"{what} is null; expected a {what} object");

    private static void CheckVersion(int version)
    {
        if (version != ContractInfo.Version)
        {
            throw new ContractViolationException(RejectReason.UnsupportedVersion, "$.v",
                $"contract version {version} is not supported; this side speaks version {ContractInfo.Version}");
        }
    }

    private static void CheckCount(int count, int max, string at)
    {
        if (count == 0)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, at, "a batch needs at least one item");
        }

        if (count > max)
        {
            throw new ContractViolationException(RejectReason.TooLarge, at,
                $"{count} items; a batch may carry at most {max}: split it");
        }
    }

    private static void CheckSeq(long seq, string at)
    {
        if (seq < 1)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, at + ".seq", $"sequence {seq} must be 1 or more");
        }
    }

    /// <summary>The optional <c>seq</c> of a control message (command result, configuration report).</summary>
    private static void CheckOptionalSeq(long? seq)
    {
        if (seq is { } value)
        {
            CheckSeq(value, "$");
        }
    }

    private static void CheckRange(long seqFrom, long seqTo, long first, long last)
    {
        if (seqFrom != first)
        {
            throw new ContractViolationException(RejectReason.SequenceMismatch, "$.seqFrom",
                $"seqFrom is {seqFrom} but the first item has sequence {first}");
        }

        if (seqTo != last)
        {
            throw new ContractViolationException(RejectReason.SequenceMismatch, "$.seqTo",
                $"seqTo is {seqTo} but the last item has sequence {last}");
        }
    }

    private static void CheckId(string? id, string at, string what)
    {
        if (!ContractInfo.IsValidId(id))
        {
            throw new ContractViolationException(RejectReason.InvalidValue, at,
                $"{what} '{id}' is not valid: use 1–{ContractInfo.MaxIdLength} of a-z, 0-9, '_' or '-'");
        }
    }

    private static void CheckFinite(double value, string at)
    {
        if (!double.IsFinite(value))
        {
            throw new ContractViolationException(RejectReason.NonFiniteValue, at, $"value {value} is not a finite number");
        }
    }

    private static void CheckDefined<TEnum>(TEnum value, string at)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ContractViolationException(RejectReason.InvalidValue, at, $"'{value}' is not a defined {typeof(TEnum).Name}");
        }
    }

    private static void CheckText(string? text, string at, int max = MaxTextLength)
    {
        if (text is not null && text.Length > max)
        {
            throw new ContractViolationException(RejectReason.TooLarge, at, $"text is {text.Length} characters; at most {max}");
        }
    }
}
