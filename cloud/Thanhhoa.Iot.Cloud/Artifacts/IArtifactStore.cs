namespace Thanhhoa.Iot.Cloud.Artifacts;

/// <summary>Metadata of uploaded artifacts (the bytes live in files, see <see cref="ArtifactFiles"/>). Writes are durable on completion.</summary>
public interface IArtifactStore
{
    Task InsertAsync(Artifact artifact, CancellationToken cancellationToken);

    Task<Artifact?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every artifact, newest first.</summary>
    Task<IReadOnlyList<Artifact>> ListAsync(CancellationToken cancellationToken);
}
