using System.Globalization;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>
/// A report's time range: <c>range=24h|7d|30d</c> (any whole number of hours or days, up to 400 days) ending now,
/// or <c>from</c>/<c>to</c> as RFC 3339 times; <c>from</c>/<c>to</c> win when given.
/// </summary>
public sealed record ReportRange(DateTimeOffset From, DateTimeOffset To, string Label)
{
    private static readonly TimeSpan Longest = TimeSpan.FromDays(400);

    public static bool TryParse(string? range, string? from, string? to, string defaultRange, DateTimeOffset now, out ReportRange result, out Dictionary<string, string[]> errors)
    {
        errors = [];
        result = null!;
        var end = Time("to", to, now, errors);
        if (!string.IsNullOrWhiteSpace(from))
        {
            var start = Time("from", from, end, errors);
            if (errors.Count == 0 && start >= end)
            {
                errors["from"] = [$"from ({start:O}) is not before to ({end:O}); swap them or widen the range."];
            }

            result = new ReportRange(start, end, "custom");
            return errors.Count == 0;
        }

        var label = string.IsNullOrWhiteSpace(range) ? defaultRange : range.Trim().ToLowerInvariant();
        if (Span(label) is not { } span)
        {
            errors["range"] = [$"range '{range}' is not a span: use 24h, 7d or 30d (a whole number of h or d, up to 400d), or give from and to."];
            return false;
        }

        result = new ReportRange(end - span, end, label);
        return errors.Count == 0;
    }

    private static TimeSpan? Span(string label)
    {
        if (label.Length < 2 || !int.TryParse(label[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            return null;
        }

        TimeSpan? span = label[^1] switch { 'h' => TimeSpan.FromHours(n), 'd' => TimeSpan.FromDays(n), _ => null };
        return span <= Longest ? span : null;
    }

    private static DateTimeOffset Time(string name, string? text, DateTimeOffset fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-');
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value.ToUniversalTime();
        }

        errors[name] = [$"{name} '{text}' is not an RFC 3339 time with an offset; use e.g. 2026-11-26T00:00:00+07:00."];
        return fallback;
    }
}
