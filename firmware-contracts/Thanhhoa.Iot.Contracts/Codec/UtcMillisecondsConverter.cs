using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Contracts.Codec;

/// <summary>
/// Writes timestamps as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> (one canonical form, so a decoded message
/// re-encodes byte for byte); reads any RFC 3339 timestamp that carries an offset.
/// </summary>
public sealed class UtcMillisecondsConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("expected an RFC 3339 timestamp string");
        }

        var text = reader.GetString()!;
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-');
        if (!hasOffset || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            throw new JsonException($"'{text}' is not an RFC 3339 timestamp with an offset, e.g. 2026-11-26T11:00:00.000Z");
        }

        return value.ToUniversalTime();
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
    }
}
