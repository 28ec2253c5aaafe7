namespace Thanhhoa.Iot.Cloud.Artifacts;

/// <summary>Configuration section <c>Artifacts</c>.</summary>
public sealed class ArtifactOptions
{
    public const string Section = "Artifacts";

    /// <summary>
    /// Public keys (ECDSA P-256, PEM) whose signatures the cloud accepts on uploaded bundles: each entry a
    /// path to a <c>.pub.pem</c> file (what <c>thgw bundle keygen</c> wrote) or the PEM text itself. Empty:
    /// every upload is refused, so nothing unsigned can ever be rolled out.
    /// </summary>
    public List<string> TrustedKeys { get; set; } = [];

    /// <summary>Largest bundle accepted.</summary>
    public long MaxUploadBytes { get; set; } = 1024L * 1024 * 1024;
}
