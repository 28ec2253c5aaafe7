using System.Text.Json;

namespace Thanhhoa.Iot.Edge.Commands;

/// <summary>Typed reads of a command's <c>args</c>; a missing or mistyped argument fails the command with <c>invalid-args</c>.</summary>
public sealed class CommandArguments(IReadOnlyDictionary<string, JsonElement>? args)
{
    private readonly IReadOnlyDictionary<string, JsonElement> _args = args ?? new Dictionary<string, JsonElement>();

    public string RequiredString(string name, string meaning) =>
        Get(name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text
            ? text
            : throw Invalid(name, $"a non-empty string: {meaning}");

    public bool RequiredBool(string name, string meaning) =>
        Get(name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : throw Invalid(name, $"true or false: {meaning}");

    public int OptionalInt(string name, int fallback, int min, int max)
    {
        if (Get(name) is not { } value)
        {
            return fallback;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max
            ? number
            : throw Invalid(name, $"a whole number from {min} to {max}");
    }

    public string? OptionalString(string name, string meaning) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        _ => throw Invalid(name, $"a string: {meaning}"),
    };

    public IReadOnlyList<string>? OptionalStrings(string name, string meaning)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            throw Invalid(name, $"an array of strings: {meaning}");
        }

        return value.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    private JsonElement? Get(string name) =>
        _args.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static CommandRefusedException Invalid(string name, string expected) =>
        new(CommandErrors.InvalidArgs, $"args.{name} must be {expected}");
}
