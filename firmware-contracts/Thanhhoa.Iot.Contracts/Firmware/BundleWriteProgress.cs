namespace Thanhhoa.Iot.Contracts.Firmware;

/// <summary>How far <see cref="BundleWriter"/> is: <paramref name="Done"/> of <paramref name="Total"/> bytes of the publish folder packed.</summary>
/// <param name="Done">Bytes packed so far.</param>
/// <param name="Total">Bytes of all files in the publish folder.</param>
/// <param name="CurrentFile">The file just packed, relative to the publish folder.</param>
public readonly record struct BundleWriteProgress(long Done, long Total, string CurrentFile);
