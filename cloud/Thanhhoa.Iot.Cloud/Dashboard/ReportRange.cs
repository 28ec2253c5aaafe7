using System.Globalization;
using Thanhhoa.Iot.Cloud.Apis;

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
        var end = RangeQuery.ParseTime("to", to, now, errors);
        if (!string.IsNullOrWhiteSpace(from))
        {
            var start = RangeQuery.ParseTime("from", from, end, errors);
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
}
