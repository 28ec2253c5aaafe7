using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Thanhhoa.Iot.Contracts.Firmware;

/// <summary>Packs a publish folder into a signed bundle (see <see cref="BundleFormat"/>).</summary>
public static class BundleWriter
{
    /// <summary>Builds, signs and writes the bundle; returns the manifest it signed.</summary>
    /// <exception cref="ArgumentException">A request value is unusable; the message names it and says what to do.</exception>
    /// <exception cref="DirectoryNotFoundException">The publish folder does not exist.</exception>
    public static BundleManifest Create(BundleWriteRequest request, IProgress<BundleWriteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Check(request);
        using var key = BundleKeyPair.ImportPrivateKey(request.PrivateKeyPem);
        var output = Path.GetFullPath(request.OutputPath);
        var payloadTemp = output + ".payload.tmp";
        var bundleTemp = output + ".tmp";
        try
        {
            var (size, sha) = PackPayload(request.SourceDirectory, payloadTemp, progress, cancellationToken);
            var manifest = new BundleManifest
            {
                Version = request.Version,
                Hardware = request.Hardware,
                MinFromVersion = request.MinFromVersion,
                Size = size,
                Sha256 = sha,
                ReleaseNotes = request.ReleaseNotes,
                CreatedAt = request.CreatedAt,
                Downgrade = request.Downgrade,
            };
            var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, BundleJsonContext.Default.BundleManifest);
            var signature = key.SignData(manifestBytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            WriteBundle(bundleTemp, manifestBytes, Encoding.ASCII.GetBytes(Convert.ToBase64String(signature)), payloadTemp);
            File.Move(bundleTemp, output, overwrite: true);
            return manifest;
        }
        finally
        {
            File.Delete(payloadTemp);
            File.Delete(bundleTemp);
        }
    }

    private static void Check(BundleWriteRequest request)
    {
        if (!Directory.Exists(request.SourceDirectory))
        {
            throw new DirectoryNotFoundException($"Publish folder '{request.SourceDirectory}' does not exist; pass the output of 'dotnet publish' with --from.");
        }

        if (!Directory.EnumerateFiles(request.SourceDirectory, "*", SearchOption.AllDirectories).Any())
        {
            throw new ArgumentException($"Publish folder '{request.SourceDirectory}' holds no files; pass the output of 'dotnet publish' with --from.", nameof(request));
        }

        if (!SemanticVersion.TryParse(request.Version, out _))
        {
            throw new ArgumentException($"Version '{request.Version}' is not a semantic version; use MAJOR.MINOR.PATCH such as 1.4.2.", nameof(request));
        }

        if (request.MinFromVersion is { } min && !SemanticVersion.TryParse(min, out _))
        {
            throw new ArgumentException($"Minimum version '{min}' is not a semantic version; use MAJOR.MINOR.PATCH such as 1.3.0.", nameof(request));
        }

        if (!ContractInfo.IsValidId(request.Hardware))
        {
            throw new ArgumentException($"Hardware '{request.Hardware}' is not valid: use 1–{ContractInfo.MaxIdLength} of a-z, 0-9, '_' or '-', e.g. rpi-arm64.", nameof(request));
        }

        if (request.ReleaseNotes is { Length: > BundleFormat.MaxReleaseNotesLength } notes)
        {
            throw new ArgumentException($"Release notes are {notes.Length} characters; at most {BundleFormat.MaxReleaseNotesLength}.", nameof(request));
        }
    }

    private static (long Size, string Sha256) PackPayload(string source, string target, IProgress<BundleWriteProgress>? progress, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(source);
        var entries = Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(p => (Full: p, Name: Path.GetRelativePath(root, p).Replace(Path.DirectorySeparatorChar, '/')))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToArray();
        var total = entries.Where(e => File.Exists(e.Full)).Sum(e => new FileInfo(e.Full).Length);
        long done = 0;
        using (var file = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: false))
        {
            foreach (var (full, name) in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                tar.WriteEntry(full, name);
                if (File.Exists(full))
                {
                    done += new FileInfo(full).Length;
                    progress?.Report(new BundleWriteProgress(done, total, name));
                }
            }
        }

        using var read = File.OpenRead(target);
        return (read.Length, Convert.ToHexStringLower(SHA256.HashData(read)));
    }

    private static void WriteBundle(string path, byte[] manifest, byte[] signature, string payloadPath)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        using (var tar = new TarWriter(file, TarEntryFormat.Pax, leaveOpen: true))
        {
            tar.WriteEntry(Small(BundleFormat.ManifestEntry, manifest));
            tar.WriteEntry(Small(BundleFormat.SignatureEntry, signature));
            tar.WriteEntry(payloadPath, BundleFormat.PayloadEntry);
        }

        file.Flush(flushToDisk: true);
    }

    private static PaxTarEntry Small(string name, byte[] content) =>
        new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content, writable: false) };
}
