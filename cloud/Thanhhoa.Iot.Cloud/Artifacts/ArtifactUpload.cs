namespace Thanhhoa.Iot.Cloud.Artifacts;

/// <summary>What an upload did: the stored artifact (201, or 200 when the same bytes were already there), or a status with the reason.</summary>
public sealed record ArtifactUpload(Artifact? Artifact, int Status, string? Title = null, string? Detail = null);
