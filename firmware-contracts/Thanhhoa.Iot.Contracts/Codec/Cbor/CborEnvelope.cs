using System.Formats.Cbor;

namespace Thanhhoa.Iot.Contracts.Codec.Cbor;

/// <summary>
/// What every CBOR message shares: one top-level array that starts with the contract version, read
/// under strict conformance, with reader errors turned into contract errors that name the field.
/// </summary>
internal static class CborEnvelope
{
    /// <summary>
    /// Decodes one message array. Its first <paramref name="requiredMembers"/> members must be there (all
    /// when null); the rest of <paramref name="members"/> are optional trailing members the body reads when present.
    /// </summary>
    public static T Decode<T>(ReadOnlySpan<byte> payload, string[] members, Func<CborCursor, T> body, int? requiredMembers = null)
    {
        if (payload.Length > ContractInfo.MaxPayloadBytes)
        {
            throw new ContractViolationException(RejectReason.TooLarge, "$",
                $"payload is {payload.Length} bytes; the limit is {ContractInfo.MaxPayloadBytes}");
        }

        if (payload.IsEmpty)
        {
            throw new ContractViolationException(RejectReason.Malformed, "$", "the payload is empty; expected a CBOR array");
        }

        var reader = new CborReader(payload.ToArray(), CborConformanceMode.Strict);
        var cursor = new CborCursor(reader);
        try
        {
            StartAndCheckVersion(cursor, members, requiredMembers ?? members.Length);
            var result = body(cursor);
            cursor.At("$").ReadEndArray();
            if (reader.BytesRemaining != 0)
            {
                throw new ContractViolationException(RejectReason.Malformed, "$",
                    $"{reader.BytesRemaining} bytes follow the message; send exactly one CBOR item");
            }

            return result;
        }
        catch (CborContentException ex)
        {
            throw new ContractViolationException(RejectReason.Malformed, "$", $"not well-formed CBOR: {ex.Message}");
        }
        catch (Exception ex) when (ex is InvalidOperationException or OverflowException or FormatException)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, cursor.Path, $"wrong type or value: {ex.Message}");
        }
    }

    public static CborWriter NewWriter() => new(CborConformanceMode.Strict, convertIndefiniteLengthEncodings: false);

    private static void StartAndCheckVersion(CborCursor cursor, string[] members, int required)
    {
        var reader = cursor.Reader;
        if (reader.PeekState() != CborReaderState.StartArray)
        {
            // Only a complete, single item is the wrong type; anything else (JSON text, say) is not CBOR at all.
            var state = reader.PeekState();
            reader.SkipValue();
            throw reader.BytesRemaining != 0
                ? new ContractViolationException(RejectReason.Malformed, "$", "not a single CBOR item")
                : new ContractViolationException(RejectReason.InvalidValue, "$", $"the payload is a CBOR {state}; expected an array");
        }

        var length = reader.ReadStartArray();
        if (length == 0)
        {
            throw new ContractViolationException(RejectReason.MissingField, "$.v", "contract version is required");
        }

        if (reader.PeekState() != CborReaderState.UnsignedInteger)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, "$.v", "contract version must be an unsigned integer");
        }

        var version = cursor.ReadUInt("v");
        if (version != ContractInfo.Version)
        {
            throw new ContractViolationException(RejectReason.UnsupportedVersion, "$.v",
                $"contract version {version} is not supported; this side speaks version {ContractInfo.Version}");
        }

        if (length < required)
        {
            throw new ContractViolationException(RejectReason.MissingField, "$." + members[length.Value],
                $"the message array has {length} members; v{ContractInfo.Version} needs {required}");
        }

        if (length > members.Length)
        {
            throw new ContractViolationException(RejectReason.UnknownField, $"$[{members.Length}]",
                $"the message array has {length} members; v{ContractInfo.Version} defines {members.Length}");
        }
    }
}
