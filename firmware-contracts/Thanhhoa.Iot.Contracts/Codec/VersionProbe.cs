using System.Text.Json;

namespace Thanhhoa.Iot.Contracts.Codec;

/// <summary>Finds the top-level <c>v</c> field without deserialising the rest.</summary>
internal static class VersionProbe
{
    public static void Check(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            throw new ContractViolationException(RejectReason.Malformed, "$", "the payload is empty; expected a JSON object");
        }

        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw NotAnObject(reader.TokenType, payload);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isVersion = reader.ValueTextEquals("v"u8);
                reader.Read();
                if (isVersion)
                {
                    CheckVersion(ref reader);
                    return;
                }

                reader.Skip();
            }
        }
        catch (JsonException ex)
        {
            throw new ContractViolationException(RejectReason.Malformed, "$", $"not valid JSON: {ex.Message}");
        }

        throw new ContractViolationException(RejectReason.MissingField, "$.v",
            $"contract version 'v' is required; send \"v\":{ContractInfo.Version}");
    }

    private static void CheckVersion(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var version))
        {
            throw new ContractViolationException(RejectReason.InvalidValue, "$.v",
                $"contract version must be an integer; send \"v\":{ContractInfo.Version}");
        }

        if (version != ContractInfo.Version)
        {
            throw new ContractViolationException(RejectReason.UnsupportedVersion, "$.v",
                $"contract version {version} is not supported; this side speaks version {ContractInfo.Version}");
        }
    }

    private static ContractViolationException NotAnObject(JsonTokenType token, ReadOnlySpan<byte> payload)
    {
        // A lone value that is itself well-formed JSON is the wrong type, not broken bytes.
        if (!JsonSyntax.IsWellFormed(payload, out var error))
        {
            return new ContractViolationException(RejectReason.Malformed, "$", $"not valid JSON: {error}");
        }

        var got = token switch
        {
            JsonTokenType.Null => "null",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            _ => "a boolean",
        };
        return new ContractViolationException(RejectReason.InvalidValue, "$", $"the payload is {got}; expected a JSON object");
    }
}
