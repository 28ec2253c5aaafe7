using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Contracts.Firmware;

namespace Thanhhoa.Iot.Cloud.Artifacts;

/// <summary>
/// Takes uploads: streams the body to a file while hashing it (never the whole bundle in memory),
/// verifies the bundle's signature against the trusted keys and its payload against the signed manifest,
/// and only then keeps it, content-addressed, with its metadata. Unsigned, tampered or untrusted bundles
/// are refused with the verifier's reason.
/// </summary>
public sealed class ArtifactService(
    IArtifactStore store, ArtifactFiles files, IOptions<ArtifactOptions> options, TimeProvider time, ILogger<ArtifactService> logger)
{
    private const int BufferSize = 81920;

    public Task<Artifact?> GetAsync(string id, CancellationToken cancellationToken) => store.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<Artifact>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    public string PathOf(Artifact artifact) => files.PathOf(artifact.Sha256);

    public async Task<ArtifactUpload> UploadAsync(Stream body, string? notes, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (options.Value.TrustedKeys.Count == 0)
        {
            return Refuse(actor, StatusCodes.Status503ServiceUnavailable, "No trusted firmware keys.",
                "The cloud has no trusted firmware signing keys, so it accepts no bundle; set Artifacts:TrustedKeys to the .pub.pem of your signing key.");
        }

        var incoming = files.NewIncoming();
        try
        {
            var (size, sha256) = await CopyHashingAsync(body, incoming, cancellationToken).ConfigureAwait(false);
            if (size > options.Value.MaxUploadBytes)
            {
                return Refuse(actor, StatusCodes.Status413PayloadTooLarge, "The bundle is too large.",
                    $"The upload has more than {options.Value.MaxUploadBytes} bytes (Artifacts:MaxUploadBytes).");
            }

            BundleManifest manifest;
            try
            {
                using var verifier = new BundleVerifier(TrustedKeys.Pems(options.Value));
                manifest = verifier.Verify(incoming);
            }
            catch (BundleRefusedException ex)
            {
                return Refuse(actor, StatusCodes.Status422UnprocessableEntity, $"The bundle was refused ({ex.Refusal}).", ex.Detail);
            }
            catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException or IOException)
            {
                return Refuse(actor, StatusCodes.Status422UnprocessableEntity, "The upload is not a firmware bundle.",
                    $"It could not be read as a bundle (tar with manifest.json, manifest.sig, payload.tar.gz): {ex.Message}. Build it with 'thgw bundle create'.");
            }

            return await KeepAsync(incoming, manifest, size, sha256, notes, actor, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(incoming);
        }
    }

    private async Task<ArtifactUpload> KeepAsync(string incoming, BundleManifest manifest, long size, string sha256, string? notes, string actor, CancellationToken cancellationToken)
    {
        var id = "fw-" + sha256[..16];
        if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return new ArtifactUpload(existing, StatusCodes.Status200OK);
        }

        File.Move(incoming, files.PathOf(sha256), overwrite: true);
        var artifact = new Artifact(id, manifest.Version, manifest.Hardware, size, sha256, notes ?? manifest.ReleaseNotes, time.GetUtcNow(), actor);
        await store.InsertAsync(artifact, cancellationToken).ConfigureAwait(false);
        ArtifactLog.Stored(logger, id, artifact.Version, artifact.Hardware, size, sha256, actor);
        return new ArtifactUpload(artifact, StatusCodes.Status201Created);
    }

    private async Task<(long Size, string Sha256)> CopyHashingAsync(Stream body, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        long size = 0;
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                size += read;
                if (size > options.Value.MaxUploadBytes)
                {
                    break;
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }

        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private ArtifactUpload Refuse(string actor, int status, string title, string detail)
    {
        ArtifactLog.Refused(logger, actor, detail);
        return new ArtifactUpload(null, status, title, detail);
    }
}
