using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>
/// Which topics a client may use, for the embedded broker and for external brokers asking the cloud
/// (<c>POST /api/broker/acl</c>): a device publishes only under its own <c>thiot/v1/{id}/up/</c> and
/// subscribes only to filters inside its own <c>thiot/v1/{id}/down/</c> — no wildcard in the device
/// level, no <c>$share</c>, no <c>$SYS</c>, no other device. The service identity may do anything.
/// </summary>
public static class TopicAccessPolicy
{
    public static bool MayPublish(ClientIdentity identity, string topic)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return identity.Role == ClientRole.Service || IsInside(topic, OwnPrefix(identity, "up"), allowWildcards: false);
    }

    public static bool MaySubscribe(ClientIdentity identity, string filter)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return identity.Role == ClientRole.Service || IsInside(filter, OwnPrefix(identity, "down"), allowWildcards: true);
    }

    private static string OwnPrefix(ClientIdentity identity, string direction) => $"{DeviceTopics.Root}/{identity.ClientId}/{direction}/";

    // The prefix is literal (it contains the device id, which cannot hold '+', '#' or '/'), so a filter that
    // starts with it can match only topics that start with it too; wildcards after it stay inside.
    private static bool IsInside(string topic, string prefix, bool allowWildcards)
    {
        if (string.IsNullOrEmpty(topic) || !topic.StartsWith(prefix, StringComparison.Ordinal) || topic.Length == prefix.Length)
        {
            return false;
        }

        var rest = topic.AsSpan(prefix.Length);
        return allowWildcards ? !rest.Contains('\0') : rest.IndexOfAny('+', '#', '\0') < 0;
    }
}
