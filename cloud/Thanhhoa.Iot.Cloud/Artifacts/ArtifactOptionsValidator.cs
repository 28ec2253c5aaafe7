using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Cloud.Artifacts;

/// <summary>Refuses trusted keys that cannot be read and upload limits that make no sense, at start.</summary>
internal sealed class ArtifactOptionsValidator : IValidateOptions<ArtifactOptions>
{
    public ValidateOptionsResult Validate(string? name, ArtifactOptions options)
    {
        var failures = new List<string>();
        if (options.MaxUploadBytes is < 1024 or > 64L * 1024 * 1024 * 1024)
        {
            failures.Add($"Artifacts:MaxUploadBytes is {options.MaxUploadBytes}; set it between 1024 and 68719476736 (64 GiB).");
        }

        for (var i = 0; i < options.TrustedKeys.Count; i++)
        {
            try
            {
                using var key = Contracts.Firmware.BundleKeyPair.ImportPublicKey(TrustedKeys.Pem(options.TrustedKeys[i]));
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or InvalidOperationException)
            {
                failures.Add($"Artifacts:TrustedKeys:{i} ('{options.TrustedKeys[i]}') is not a readable P-256 public key PEM ({ex.Message}); give the path of a .pub.pem file or the PEM text.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
