using System.Globalization;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Contracts;

namespace Thanhhoa.Iot.Cloud.Apis;

/// <summary>
/// Parses <c>channel, from, to, limit</c> from a query string into a <see cref="TelemetryQuery"/>, or
/// says exactly which parameter is wrong. Defaults: the last 24 hours, 1000 rows.
/// </summary>
public static class RangeQuery
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 10_000;
    private static readonly TimeSpan DefaultSpan = TimeSpan.FromHours(24);

    public static bool TryParse(
        string deviceId, string? channel, string? from, string? to, int? limit, DateTimeOffset now,
        out TelemetryQuery query, out Dictionary<string, string[]> errors)
    {
        errors = [];
        query = null!;
        if (channel is not null && !ContractInfo.IsValidId(channel))
        {
            errors["channel"] = [$"channel '{channel}' is not a channel id: use 1–{ContractInfo.MaxIdLength} of a-z, 0-9, '_' or '-'."];
        }

        var toValue = ParseTime("to", to, now, errors);
        var fromValue = ParseTime("from", from, toValue - DefaultSpan, errors);
        if (errors.Count == 0 && fromValue > toValue)
        {
            errors["from"] = [$"from ({Format(fromValue)}) is after to ({Format(toValue)}); swap them or widen the range."];
        }

        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit {take} is out of range; use 1–{MaxLimit}."];
        }

        if (errors.Count > 0)
        {
            return false;
        }

        query = new TelemetryQuery(deviceId, channel, fromValue, toValue, take);
        return true;
    }

    internal static DateTimeOffset ParseTime(string name, string? text, DateTimeOffset fallback, Dictionary<string, string[]> errors)
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

        errors[name] = [$"{name} '{text}' is not an RFC 3339 time with an offset; use e.g. 2026-11-26T11:00:00Z."];
        return fallback;
    }

    private static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
