using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Artifacts;

/// <summary>
/// Where bundle bytes live: <c>{data}/artifacts/{sha256}.bundle</c> (content-addressed, written once),
/// and uploads in progress under <c>{data}/artifacts/incoming/</c> until they are verified.
/// </summary>
public sealed class ArtifactFiles(IOptions<StorageOptions> storage)
{
    public string Directory => Path.Combine(storage.Value.FullDataDirectory, "artifacts");

    public string PathOf(string sha256) => Path.Combine(Directory, sha256 + ".bundle");

    /// <summary>A new, empty upload file.</summary>
    public string NewIncoming()
    {
        var incoming = Path.Combine(Directory, "incoming");
        System.IO.Directory.CreateDirectory(incoming);
        return Path.Combine(incoming, Guid.NewGuid().ToString("N") + ".part");
    }
}
