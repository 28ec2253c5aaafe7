namespace Thanhhoa.Iot.Cloud.Artifacts;

/// <summary>A firmware bundle the cloud holds: verified against a trusted key when it was uploaded; the file is content-addressed by <see cref="Sha256"/>.</summary>
/// <param name="Id">Stable id, used in download URLs.</param>
/// <param name="Version">Firmware version from the bundle's signed manifest.</param>
/// <param name="Hardware">Hardware the bundle is built for, from the manifest.</param>
/// <param name="Size">Bytes of the whole bundle file.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the whole bundle file (also its ETag).</param>
/// <param name="Notes">Free text given at upload.</param>
/// <param name="UploadedAt">When it was stored.</param>
/// <param name="UploadedBy">Who uploaded it (the API key's name).</param>
public sealed record Artifact(string Id, string Version, string Hardware, long Size, string Sha256, string? Notes, DateTimeOffset UploadedAt, string UploadedBy);
