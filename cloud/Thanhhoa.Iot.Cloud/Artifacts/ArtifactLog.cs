namespace Thanhhoa.Iot.Cloud.Artifacts;

/// <summary>The artifact store's log messages; event ids 6250–6269 are stable.</summary>
internal static partial class ArtifactLog
{
    [LoggerMessage(6250, LogLevel.Information, "Artifact {Artifact} (version {Version}, {Hardware}, {Size} bytes, sha256 {Sha256}) uploaded by {Actor}")]
    public static partial void Stored(ILogger logger, string artifact, string version, string hardware, long size, string sha256, string actor);

    [LoggerMessage(6251, LogLevel.Warning, "Upload by {Actor} refused: {Reason}")]
    public static partial void Refused(ILogger logger, string actor, string reason);
}
