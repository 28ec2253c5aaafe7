using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Thanhhoa.Iot.Contracts.Codec;

/// <summary>
/// Writes timestamps as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> (one canonical form, so a decoded message
/// re-encodes byte for byte); reads RFC 3339 date-times with a <c>Z</c> or <c>±hh:mm</c> offset and
/// 0–9 fraction digits, keeping millisecond precision (the wire's precision).
/// </summary>
public sealed partial class UtcMillisecondsConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>The pattern every wire timestamp matches; the JSON Schemas state the same pattern.</summary>
    public const string Pattern = @"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$";

    private const string CanonicalFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private const string ParseFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK";

    /// <summary>Parses one wire timestamp; false when it is not RFC 3339 with an offset.</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var match = Rfc3339().Match(text);
        if (!match.Success)
        {
            return false;
        }

        // .NET parses at most 7 fraction digits (100 ns ticks); digits past that carry nothing we keep.
        var fraction = match.Groups[1].Value;
        var trimmed = fraction.Length > 8 ? text.Remove(match.Groups[1].Index + 8, fraction.Length - 8) : text;
        if (!DateTimeOffset.TryParseExact(trimmed, ParseFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        var utc = parsed.ToUniversalTime();
        value = utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond));
        return true;
    }

    /// <summary>The canonical wire form of <paramref name="value"/>: UTC, milliseconds, <c>Z</c>.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString(CanonicalFormat, CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("expected an RFC 3339 timestamp string");
        }

        var text = reader.GetString()!;
        if (!TryParse(text, out var value))
        {
            throw new JsonException($"'{text}' is not an RFC 3339 timestamp with an offset, e.g. 2026-11-26T04:00:00.000Z");
        }

        return value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value));
    }

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
