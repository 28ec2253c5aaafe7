namespace Thanhhoa.Iot.Cloud.Artifacts;

/// <summary>
/// Decides whether a download token in an artifact URL lets an anonymous caller (a gateway) read that
/// artifact. Rollouts grant one unguessable token per rollout, valid while the rollout is active.
/// </summary>
public interface IArtifactDownloadGrants
{
    Task<bool> AllowsAsync(string artifactId, string token, CancellationToken cancellationToken);
}
