using System.Globalization;

namespace Thanhhoa.Iot.Edge.Sensing.Profiles;

/// <summary>
/// Durations as people write them in a profile: <c>250ms</c>, <c>10s</c>, <c>5m</c>, <c>2h</c>,
/// or a .NET time span such as <c>00:00:10</c>.
/// </summary>
public static class DurationText
{
    private static readonly (string Suffix, double Milliseconds)[] Units =
    [
        ("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000),
    ];

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        foreach (var (suffix, ms) in Units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(trimmed[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                && n >= 0 && double.IsFinite(n))
            {
                value = TimeSpan.FromMilliseconds(n * ms);
                return true;
            }
        }

        return trimmed.Contains(':', StringComparison.Ordinal)
            && TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out value)
            && value >= TimeSpan.Zero;
    }

    /// <summary>Parses text the validator has already accepted.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a duration; write e.g. 500ms, 10s, 5m or 00:00:10.");

    public static string Format(TimeSpan value) => value.TotalMilliseconds switch
    {
        < 1_000 => $"{value.TotalMilliseconds:0.###} ms",
        < 60_000 => $"{value.TotalSeconds:0.###} s",
        < 3_600_000 => $"{value.TotalMinutes:0.###} min",
        _ => $"{value.TotalHours:0.###} h",
    };
}
