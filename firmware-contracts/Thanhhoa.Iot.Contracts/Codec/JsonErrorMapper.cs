using System.Text.Json;
using System.Text.RegularExpressions;

namespace Thanhhoa.Iot.Contracts.Codec;

/// <summary>Turns System.Text.Json's errors into contract errors that name the field.</summary>
internal static partial class JsonErrorMapper
{
    public static ContractViolationException Map(JsonException ex)
    {
        var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
        var message = ex.Message;

        var missing = MissingProperty().Match(message);
        if (missing.Success)
        {
            return new ContractViolationException(RejectReason.MissingField, Join(path, missing.Groups[1].Value),
                $"required field '{missing.Groups[1].Value}' is missing");
        }

        var unknown = UnmappedProperty().Match(message);
        if (unknown.Success)
        {
            var field = path.EndsWith("." + unknown.Groups[1].Value, StringComparison.Ordinal) ? path : Join(path, unknown.Groups[1].Value);
            return new ContractViolationException(RejectReason.UnknownField, field,
                $"field '{unknown.Groups[1].Value}' is not part of contract v{ContractInfo.Version}");
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal) || ex.InnerException is FormatException or InvalidOperationException or OverflowException)
        {
            return new ContractViolationException(RejectReason.InvalidValue, path, FirstSentence(message));
        }

        if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("non-nullable", StringComparison.OrdinalIgnoreCase))
        {
            return new ContractViolationException(RejectReason.InvalidValue, path, "value must not be null");
        }

        if (message.Contains("duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return new ContractViolationException(RejectReason.Malformed, path, "a field appears twice");
        }

        // The reader's own exception type (internal to System.Text.Json) means the bytes are not JSON;
        // anything else came from a converter refusing a well-formed value.
        var reason = ex.GetType() != typeof(JsonException) ? RejectReason.Malformed : RejectReason.InvalidValue;
        return new ContractViolationException(reason, path, FirstSentence(message));
    }

    private static string Join(string path, string name) => path == "$" ? "$." + name : path + "." + name;

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    [GeneratedRegex("missing required properties including: '([^']+)'")]
    private static partial Regex MissingProperty();

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();
}
