namespace Thanhhoa.Iot.Contracts.Topics;

/// <summary>
/// The topic scheme <c>thiot/v1/{deviceId}/{up|down}/{name}</c>. A device may publish only under its
/// own <c>up/</c> and subscribe only to its own <c>down/</c>.
/// </summary>
public static class DeviceTopics
{
    /// <summary>Root of every contract topic.</summary>
    public const string Root = "thiot/v1";

    /// <summary>Filter matching every gateway's up-topics (what ingest subscribes to).</summary>
    public const string AllUpFilter = Root + "/+/up/#";

    private static readonly (TopicKind Kind, string Suffix)[] Suffixes =
    [
        (TopicKind.Telemetry, "up/telemetry"),
        (TopicKind.Events, "up/events"),
        (TopicKind.State, "up/state"),
        (TopicKind.CommandResult, "up/cmd-result"),
        (TopicKind.ConfigReported, "up/config-reported"),
        (TopicKind.FirmwareReported, "up/firmware-reported"),
        (TopicKind.Command, "down/cmd"),
        (TopicKind.Config, "down/config"),
        (TopicKind.Firmware, "down/firmware"),
    ];

    /// <summary>The topic of <paramref name="kind"/> for <paramref name="deviceId"/>.</summary>
    /// <exception cref="ArgumentException">The device id is not a legal id.</exception>
    public static string For(string deviceId, TopicKind kind) => $"{Root}/{RequireValidId(deviceId)}/{SuffixOf(kind)}";

    /// <summary><c>thiot/v1/{deviceId}/up/#</c>: everything one device may publish.</summary>
    /// <exception cref="ArgumentException">The device id is not a legal id (a <c>+</c> or <c>#</c> would widen the filter to other devices).</exception>
    public static string UpFilter(string deviceId) => $"{Root}/{RequireValidId(deviceId)}/up/#";

    /// <summary><c>thiot/v1/{deviceId}/down/#</c>: everything one device may receive.</summary>
    /// <exception cref="ArgumentException">The device id is not a legal id (a <c>+</c> or <c>#</c> would widen the filter to other devices).</exception>
    public static string DownFilter(string deviceId) => $"{Root}/{RequireValidId(deviceId)}/down/#";

    /// <summary>The topic suffix of <paramref name="kind"/>, e.g. <c>up/telemetry</c>.</summary>
    public static string SuffixOf(TopicKind kind)
    {
        foreach (var (k, text) in Suffixes)
        {
            if (k == kind)
            {
                return text;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown topic kind.");
    }

    /// <summary>Takes a topic apart; false for anything outside the scheme.</summary>
    public static bool TryParse(string? topic, out ParsedTopic parsed)
    {
        parsed = default;
        if (topic is null || !topic.StartsWith(Root + "/", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = topic.AsSpan(Root.Length + 1);
        var slash = rest.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        var deviceId = rest[..slash].ToString();
        if (!ContractInfo.IsValidId(deviceId))
        {
            return false;
        }

        var suffix = rest[(slash + 1)..];
        foreach (var (kind, text) in Suffixes)
        {
            if (suffix.SequenceEqual(text))
            {
                parsed = new ParsedTopic(deviceId, kind);
                return true;
            }
        }

        return false;
    }

    private static string RequireValidId(string deviceId) =>
        ContractInfo.IsValidId(deviceId)
            ? deviceId
            : throw new ArgumentException(
                $"Device id '{deviceId}' is not valid: use 1–{ContractInfo.MaxIdLength} of a-z, 0-9, '_' or '-'.",
                nameof(deviceId));
}
