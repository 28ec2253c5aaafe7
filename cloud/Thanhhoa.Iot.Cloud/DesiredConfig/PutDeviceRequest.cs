using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.DesiredConfig;

/// <summary>
/// Body of <c>PUT /api/config/devices/{id}</c>: the whole device document. A value in
/// <see cref="Settings"/> overrides the group's; leaving one out (in a new version) falls back to the group's.
/// </summary>
/// <param name="Group">The group it inherits from, or null for none.</param>
/// <param name="Settings">The device's overrides.</param>
/// <param name="ExpectedVersion">Optional: refuse (409) unless the stored document has this version.</param>
public sealed record PutDeviceRequest(string? Group, ConfigSettings? Settings, long? ExpectedVersion = null);
