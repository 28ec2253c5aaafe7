using System.Text.Json;
using System.Text.RegularExpressions;

namespace Thanhhoa.Iot.Contracts.Codec;

/// <summary>Turns System.Text.Json's errors into contract errors that name the field.</summary>
internal static partial class JsonErrorMapper
{
    /// <summary>Maps a deserialisation failure of <paramref name="payload"/>.</summary>
    public static ContractViolationException Map(JsonException ex, ReadOnlySpan<byte> payload)
    {
        // Syntax errors surface as a JsonException wrapping the reader's internal exception type; rather
        // than depend on that, look at the bytes again (only on the failure path, so decoding stays one pass).
        if (!JsonSyntax.IsWellFormed(payload, out var syntaxError))
        {
            return new ContractViolationException(RejectReason.Malformed, "$", $"not valid JSON: {syntaxError}");
        }

        var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
        var message = ex.Message;

        var missing = MissingProperty().Match(message);
        if (missing.Success)
        {
            var name = missing.Groups[1].Value;
            return new ContractViolationException(RejectReason.MissingField, Join(path, name),
                $"required field '{name}' is missing; expected {FieldExpectations.For(name)}");
        }

        var unknown = UnmappedProperty().Match(message);
        if (unknown.Success)
        {
            // STJ's path already ends at the unmapped member, quoted as ['a b'] when the name needs it.
            return new ContractViolationException(RejectReason.UnknownField, path,
                $"field '{unknown.Groups[1].Value}' is not part of contract v{ContractInfo.Version}: remove it");
        }

        if (message.Contains("Duplicate property", StringComparison.Ordinal))
        {
            return new ContractViolationException(RejectReason.Malformed, path, "the field appears twice in one object: send it once");
        }

        if (message.Contains("null value", StringComparison.Ordinal))
        {
            return new ContractViolationException(RejectReason.InvalidValue, path,
                $"value is null; expected {FieldExpectations.ForPath(path)}");
        }

        // Our own converters throw messages that already name the value; STJ's generic one names a .NET type.
        var detail = message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            ? $"wrong type or value ({Position(ex)}); expected {FieldExpectations.ForPath(path)}"
            : FirstSentence(message);
        return new ContractViolationException(RejectReason.InvalidValue, path, detail);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static string Join(string path, string name) => path == "$" ? "$." + name : path + "." + name;

    private static string Position(JsonException ex) =>
        $"line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}";

    [GeneratedRegex("missing required properties including: '([^']+)'")]
    private static partial Regex MissingProperty();

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();
}
