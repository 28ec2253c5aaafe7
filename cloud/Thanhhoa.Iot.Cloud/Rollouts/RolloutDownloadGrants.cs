using Thanhhoa.Iot.Cloud.Artifacts;

namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>A rollout's download token opens its own artifact, while the rollout is active.</summary>
public sealed class RolloutDownloadGrants(IRolloutStore store) : IArtifactDownloadGrants
{
    public async Task<bool> AllowsAsync(string artifactId, string token, CancellationToken cancellationToken) =>
        !string.IsNullOrEmpty(token)
        && await store.FindByDownloadTokenAsync(token, cancellationToken).ConfigureAwait(false) is { IsActive: true } rollout
        && string.Equals(rollout.ArtifactId, artifactId, StringComparison.Ordinal);
}
