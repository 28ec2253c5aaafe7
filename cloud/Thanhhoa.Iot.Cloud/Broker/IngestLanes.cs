using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>
/// The two sessions each cloud node holds at an external broker, so that alarms, births and deaths,
/// command results and configuration/firmware reports never queue behind a telemetry backlog:
/// <list type="bullet">
/// <item>the telemetry lane: client id <c>{ClientId}</c> (the pre-lanes id, so its persistent session and
/// whatever it queued are picked up), filter <c>$share/{SharedGroup}/thiot/v1/+/up/telemetry</c>,
/// <c>MaxInFlight</c> messages in flight;</item>
/// <item>the control lane: client id <c>{ClientId}-control</c>, filters <c>$share/{SharedGroup}-control/thiot/v1/+/up/{kind}</c>
/// for every other up/ kind, <c>ControlMaxInFlight</c> in flight.</item>
/// </list>
/// Without a SharedGroup the filters carry no <c>$share/</c> prefix.
/// </summary>
public static class IngestLanes
{
    /// <summary>Suffix of the control lane's client id and shared group.</summary>
    public const string ControlSuffix = "-control";

    /// <summary>The up/ kinds the control lane carries: every up/ kind except telemetry.</summary>
    public static readonly IReadOnlyList<TopicKind> ControlKinds =
        [TopicKind.Events, TopicKind.State, TopicKind.CommandResult, TopicKind.ConfigReported, TopicKind.FirmwareReported];

    /// <summary>Suffix of the client id the node publishes commands and desired state with (its downlink session).</summary>
    public const string DownlinkSuffix = "-downlink";

    /// <summary>Client id of the control lane of the node (or adopted member) whose client id is <paramref name="clientId"/>.</summary>
    public static string ControlClientId(string clientId) => clientId + ControlSuffix;

    /// <summary>Client id of the downlink publisher of the node whose client id is <paramref name="clientId"/>.</summary>
    public static string DownlinkClientId(string clientId) => clientId + DownlinkSuffix;

    /// <summary>True for every client id the node of <paramref name="clientId"/> connects with: both lanes and the downlink.</summary>
    public static bool IsNodeClientId(string clientId, string? candidate) =>
        IsLaneClientId(clientId, candidate) || candidate == DownlinkClientId(clientId);

    /// <summary>True for the client ids the ingest of <paramref name="clientId"/> connects with (both lanes).</summary>
    public static bool IsLaneClientId(string clientId, string? candidate) =>
        candidate is not null && (candidate == clientId || candidate == ControlClientId(clientId));

    internal static IngestLaneSpec Telemetry(ExternalBrokerOptions options) => new(
        "telemetry",
        options.ClientId,
        [Shared(options.SharedGroup, $"{DeviceTopics.Root}/+/{DeviceTopics.SuffixOf(TopicKind.Telemetry)}")],
        options.MaxInFlight,
        LegacyFilter: Shared(options.SharedGroup, DeviceTopics.AllUpFilter));

    internal static IngestLaneSpec Control(ExternalBrokerOptions options) => new(
        "control",
        ControlClientId(options.ClientId),
        ControlKinds.Select(k => Shared(ControlGroup(options.SharedGroup), $"{DeviceTopics.Root}/+/{DeviceTopics.SuffixOf(k)}")).ToList(),
        options.ControlMaxInFlight);

    private static string? ControlGroup(string? group) => string.IsNullOrEmpty(group) ? group : group + ControlSuffix;

    private static string Shared(string? group, string filter) => string.IsNullOrEmpty(group) ? filter : $"$share/{group}/{filter}";
}
