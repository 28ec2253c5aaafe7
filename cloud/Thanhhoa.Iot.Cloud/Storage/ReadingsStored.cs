using Thanhhoa.Iot.Cloud.Registry;

namespace Thanhhoa.Iot.Cloud.Storage;

/// <summary>What storing one telemetry message did: the readings that were new, and the device's registry row as that commit left it.</summary>
public readonly record struct ReadingsStored(AppendResult Appended, DeviceState Device);
