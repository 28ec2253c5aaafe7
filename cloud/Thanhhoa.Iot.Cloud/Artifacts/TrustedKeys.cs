namespace Thanhhoa.Iot.Cloud.Artifacts;

/// <summary>Reads the entries of Artifacts:TrustedKeys: PEM text as it is, anything else as a file path.</summary>
internal static class TrustedKeys
{
    public static string Pem(string entry) =>
        entry.Contains("-----BEGIN", StringComparison.Ordinal) ? entry : File.ReadAllText(entry);

    public static IReadOnlyList<string> Pems(ArtifactOptions options) => options.TrustedKeys.Select(Pem).ToList();
}
