using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.DesiredConfig;

/// <summary>Body of <c>PUT /api/config/groups/{name}</c>: the whole group document (replaces the previous version).</summary>
/// <param name="Settings">uploadSeconds, channels.{id}.enabled/pollSeconds/alarms.{code}.raise/clear; absent means "the gateway's profile".</param>
/// <param name="ExpectedVersion">Optional: refuse (409) unless the stored document has this version (no lost updates).</param>
public sealed record PutGroupRequest(ConfigSettings? Settings, long? ExpectedVersion = null);
