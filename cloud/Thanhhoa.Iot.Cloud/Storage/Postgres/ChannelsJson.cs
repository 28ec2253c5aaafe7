using System.Buffers;
using System.Text;
using System.Text.Json;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>
/// The <c>devices.channels</c> jsonb to and from a device's newest values, written and read by hand
/// (<see cref="Utf8JsonWriter"/>, <see cref="Utf8JsonReader"/>): every telemetry group reads and writes the row of
/// each sender, and a dashboard poll reads every recently seen one, so the general serializer's intermediate
/// dictionary of rows was most of a row's allocations. The shape (unchanged since migration 1):
/// <c>{"name": {"v": value, "t": UTC ticks (exact round trip), "q": quality, "s": sequence}, ...}</c>; unknown members are skipped.
/// </summary>
internal static class ChannelsJson
{
    private static readonly JsonEncodedText V = JsonEncodedText.Encode("v");
    private static readonly JsonEncodedText T = JsonEncodedText.Encode("t");
    private static readonly JsonEncodedText Q = JsonEncodedText.Encode("q");
    private static readonly JsonEncodedText S = JsonEncodedText.Encode("s");

    public static string Write(IReadOnlyDictionary<string, ChannelValue> channels)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + (channels.Count * 80));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in channels)
            {
                json.WriteStartObject(name);
                json.WriteNumber(V, value.Value);
                json.WriteNumber(T, value.Timestamp.UtcTicks);
                json.WriteNumber(Q, (int)value.Quality);
                json.WriteNumber(S, value.Seq);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static Dictionary<string, ChannelValue> Read(string text)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, bytes);
            return Read(bytes.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static Dictionary<string, ChannelValue> Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        var channels = new Dictionary<string, ChannelValue>(StringComparer.Ordinal);
        Expect(ref reader, JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            Expect(ref reader, JsonTokenType.StartObject);
            channels[name] = ReadValue(ref reader);
        }

        return channels;
    }

    private static ChannelValue ReadValue(ref Utf8JsonReader reader)
    {
        double value = 0;
        long ticks = 0, seq = 0;
        var quality = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var member = reader.ValueSpan;
            reader.Read();
            if (member.SequenceEqual("v"u8))
            {
                value = reader.GetDouble();
            }
            else if (member.SequenceEqual("t"u8))
            {
                ticks = reader.GetInt64();
            }
            else if (member.SequenceEqual("q"u8))
            {
                quality = reader.GetInt32();
            }
            else if (member.SequenceEqual("s"u8))
            {
                seq = reader.GetInt64();
            }
            else
            {
                reader.Skip();
            }
        }

        return new ChannelValue(value, new DateTimeOffset(ticks, TimeSpan.Zero), (Quality)quality, seq);
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (!reader.Read() || reader.TokenType != token)
        {
            throw new JsonException($"devices.channels is not the expected shape: {token} expected, found {reader.TokenType}.");
        }
    }
}
