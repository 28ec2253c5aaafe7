using System.Text.Json;

namespace Thanhhoa.Iot.Contracts.Codec;

/// <summary>Finds the top-level <c>v</c> field without deserialising the rest.</summary>
internal static class VersionProbe
{
    public static void Check(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ContractViolationException(RejectReason.Malformed, "$", "payload must be a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isVersion = reader.ValueTextEquals("v"u8);
                reader.Read();
                if (!isVersion)
                {
                    reader.Skip();
                    continue;
                }

                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var version))
                {
                    throw new ContractViolationException(RejectReason.InvalidValue, "$.v", "contract version must be an integer");
                }

                if (version != ContractInfo.Version)
                {
                    throw new ContractViolationException(RejectReason.UnsupportedVersion, "$.v",
                        $"contract version {version} is not supported; this side speaks version {ContractInfo.Version}");
                }

                return;
            }
        }
        catch (JsonException ex)
        {
            throw new ContractViolationException(RejectReason.Malformed, "$", $"not valid JSON: {ex.Message}");
        }

        throw new ContractViolationException(RejectReason.MissingField, "$.v", "contract version 'v' is required");
    }
}
