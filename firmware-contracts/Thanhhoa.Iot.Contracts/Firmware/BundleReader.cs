using System.Formats.Tar;
using System.IO.Compression;

namespace Thanhhoa.Iot.Contracts.Firmware;

/// <summary>Unpacks the payload of a bundle that <see cref="BundleVerifier"/> accepted.</summary>
public static class BundleReader
{
    /// <summary>
    /// Extracts <c>payload.tar.gz</c> of the bundle at <paramref name="bundlePath"/> into
    /// <paramref name="destination"/> (created if absent). Entries that would land outside it are refused.
    /// Verify the same file first: this does not check the signature.
    /// </summary>
    /// <exception cref="BundleRefusedException">No payload, or the payload is not a readable tar.gz.</exception>
    public static void ExtractPayload(string bundlePath, string destination, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(destination);
        using var file = new FileStream(bundlePath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
        using var bundle = new TarReader(file, leaveOpen: true);
        try
        {
            while (bundle.GetNextEntry() is { } entry)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (entry.Name == BundleFormat.PayloadEntry && entry.DataStream is { } data)
                {
                    using var gzip = new GZipStream(data, CompressionMode.Decompress, leaveOpen: true);
                    TarFile.ExtractToDirectory(gzip, destination, overwriteFiles: true);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException and not FileNotFoundException)
        {
            throw new BundleRefusedException(BundleRefusal.Malformed, $"{BundleFormat.PayloadEntry} of '{bundlePath}' does not unpack ({ex.Message}); rebuild the bundle.");
        }

        throw new BundleRefusedException(BundleRefusal.Malformed, $"'{bundlePath}' holds no {BundleFormat.PayloadEntry}; build it with 'thgw bundle create'.");
    }
}
