namespace Thanhhoa.Iot.Cloud.Security.BrokerAccess;

/// <summary>What a broker sends per PUBLISH/SUBSCRIBE: <c>{clientid, username, topic, action}</c>, action <c>publish</c> or <c>subscribe</c>.</summary>
public sealed record BrokerAclRequest(string? ClientId, string? Username, string? Topic, string? Action);
