using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json;

namespace Thanhhoa.Iot.Contracts.Firmware;

/// <summary>
/// Verifies a bundle in one pass over its bytes: the signature of <c>manifest.json</c> against a set
/// of trusted P-256 public keys, the payload against the signed size and SHA-256, then what the caller
/// expects (hardware, downgrade, minimum version). Used by gateways before installing and by the cloud
/// on upload. Thread-safe.
/// </summary>
public sealed class BundleVerifier : IDisposable
{
    private readonly ECDsa[] _keys;

    /// <summary>Creates a verifier trusting <paramref name="trustedPublicKeyPems"/>.</summary>
    /// <exception cref="ArgumentException">No key, or a key that is not PEM ECDSA P-256.</exception>
    public BundleVerifier(IEnumerable<string> trustedPublicKeyPems)
    {
        ArgumentNullException.ThrowIfNull(trustedPublicKeyPems);
        _keys = trustedPublicKeyPems.Select(BundleKeyPair.ImportPublicKey).ToArray();
        if (_keys.Length == 0)
        {
            throw new ArgumentException("No trusted public key: give at least one PEM public key (the .pub.pem that 'thgw bundle keygen' wrote).", nameof(trustedPublicKeyPems));
        }
    }

    /// <summary>Verifies the bundle file at <paramref name="bundlePath"/>.</summary>
    /// <exception cref="BundleRefusedException">The bundle must not be installed; <see cref="BundleRefusedException.Refusal"/> says why.</exception>
    public BundleManifest Verify(string bundlePath, BundleExpectations? expectations = null)
    {
        using var file = new FileStream(bundlePath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
        return Verify(file, expectations);
    }

    /// <summary>Verifies a bundle read from <paramref name="bundle"/> (need not be seekable).</summary>
    /// <exception cref="BundleRefusedException">The bundle must not be installed; <see cref="BundleRefusedException.Refusal"/> says why.</exception>
    public BundleManifest Verify(Stream bundle, BundleExpectations? expectations = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var parts = BundleParts.Read(bundle);
        CheckSignature(parts);
        var manifest = ParseManifest(parts.Manifest!);
        if (parts.PayloadSize != manifest.Size || !string.Equals(parts.PayloadSha256, manifest.Sha256, StringComparison.Ordinal))
        {
            throw new BundleRefusedException(BundleRefusal.TamperedPayload,
                $"{BundleFormat.PayloadEntry} is {parts.PayloadSize} bytes with SHA-256 {parts.PayloadSha256}; the signed manifest says {manifest.Size} bytes with {manifest.Sha256}. Download the bundle again or rebuild it.");
        }

        BundleRules.Check(manifest, expectations ?? BundleExpectations.None);
        return manifest;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var key in _keys)
        {
            key.Dispose();
        }
    }

    private void CheckSignature(BundleParts parts)
    {
        if (parts.Manifest is null || parts.PayloadSha256 is null)
        {
            throw new BundleRefusedException(BundleRefusal.Malformed,
                $"the bundle lacks {(parts.Manifest is null ? BundleFormat.ManifestEntry : BundleFormat.PayloadEntry)}; build it with 'thgw bundle create'.");
        }

        if (parts.Signature is null)
        {
            throw new BundleRefusedException(BundleRefusal.Unsigned,
                $"the bundle has no {BundleFormat.SignatureEntry}; sign it with 'thgw bundle create --key'.");
        }

        var signature = DecodeSignature(parts.Signature);
        if (signature is null || !_keys.Any(k => k.VerifyData(parts.Manifest, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)))
        {
            throw new BundleRefusedException(BundleRefusal.BadSignature,
                $"{BundleFormat.SignatureEntry} does not verify {BundleFormat.ManifestEntry} with any of the {_keys.Length} trusted key(s); sign with a trusted key, or add its public key to the trusted keys.");
        }
    }

    private static byte[]? DecodeSignature(byte[] text)
    {
        try
        {
            var raw = Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(text).Trim());
            return raw.Length == 64 ? raw : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static BundleManifest ParseManifest(byte[] bytes)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize(bytes, BundleJsonContext.Default.BundleManifest)
                ?? throw new JsonException("manifest is JSON null");
            BundleRules.CheckShape(manifest);
            return manifest;
        }
        catch (JsonException ex)
        {
            throw new BundleRefusedException(BundleRefusal.Malformed, $"{BundleFormat.ManifestEntry} is signed but not a valid manifest: {ex.Message}");
        }
    }

    private sealed class BundleParts
    {
        public byte[]? Manifest { get; private set; }

        public byte[]? Signature { get; private set; }

        public long PayloadSize { get; private set; }

        public string? PayloadSha256 { get; private set; }

        public static BundleParts Read(Stream bundle)
        {
            var parts = new BundleParts();
            try
            {
                using var tar = new TarReader(bundle, leaveOpen: true);
                while (tar.GetNextEntry() is { } entry)
                {
                    parts.Take(entry);
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException)
            {
                throw new BundleRefusedException(BundleRefusal.Malformed, $"the bundle is not a readable tar file ({ex.Message}); download it again or rebuild it with 'thgw bundle create'.");
            }

            return parts;
        }

        private void Take(TarEntry entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
            {
                throw new BundleRefusedException(BundleRefusal.Malformed, $"the bundle holds '{entry.Name}' of type {entry.EntryType}; only regular files belong in it.");
            }

            switch (entry.Name)
            {
                case BundleFormat.ManifestEntry when Manifest is null:
                    Manifest = ReadSmall(entry);
                    break;
                case BundleFormat.SignatureEntry when Signature is null:
                    Signature = ReadSmall(entry);
                    break;
                case BundleFormat.PayloadEntry when PayloadSha256 is null:
                    using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
                    {
                        PayloadSize = Hash(entry.DataStream, sha);
                        PayloadSha256 = Convert.ToHexStringLower(sha.GetHashAndReset());
                    }

                    break;
                default:
                    throw new BundleRefusedException(BundleRefusal.Malformed,
                        $"the bundle holds '{entry.Name}' (unknown or twice); a bundle is exactly {BundleFormat.ManifestEntry}, {BundleFormat.SignatureEntry} and {BundleFormat.PayloadEntry}.");
            }
        }

        private static byte[] ReadSmall(TarEntry entry)
        {
            if (entry.Length > BundleFormat.MaxSmallEntryBytes)
            {
                throw new BundleRefusedException(BundleRefusal.Malformed, $"'{entry.Name}' is {entry.Length} bytes; at most {BundleFormat.MaxSmallEntryBytes}.");
            }

            using var copy = new MemoryStream();
            entry.DataStream!.CopyTo(copy);
            return copy.ToArray();
        }

        private static long Hash(Stream data, IncrementalHash sha)
        {
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = data.Read(buffer)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                total += read;
            }

            return total;
        }
    }
}
