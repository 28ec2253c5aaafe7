using Thanhhoa.Iot.Edge.Diagnostics.Text;
using Thanhhoa.Iot.Edge.Provisioning;

namespace Thanhhoa.Iot.Gateway.Cli;

/// <summary>
/// What <c>thgw provision</c> prints: "ok …" per finished step on stdout, "… " progress on stderr, and a
/// failure as "FAIL …" with a "→ fix:" line, like doctor; plus the exit code for each failure.
/// </summary>
internal sealed class ProvisionCommandOutput(Texts texts) : IProvisionProgress
{
    private ProvisionReply? _registered;

    public void LocalFilesWritable(string credentialsDirectory, string configFile) =>
        Console.WriteLine(texts.Format(TextKey.ProvisionFilesOk, credentialsDirectory, configFile));

    public void SecretGenerated() => Console.WriteLine(texts.Format(TextKey.ProvisionSecretOk, DeviceSecret.Bytes));

    public void ContactingCloud(Uri cloud) => Console.Error.WriteLine($"… {texts.Format(TextKey.ProvisionContacting, cloud)}");

    public void Registered(ProvisionReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        _registered = reply;
        var broker = reply.Broker;
        Console.WriteLine(texts.Format(TextKey.ProvisionRegistered, reply.DeviceId, reply.Site ?? "-", broker.Host, broker.Port, broker.Tls ? "TLS" : "TCP"));
        if (reply.ReplacedDeviceId is { } old)
        {
            Console.WriteLine(texts.Format(TextKey.ProvisionReplaced, old));
        }
    }

    public void CredentialsStored(StoredCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        Console.WriteLine(texts.Format(TextKey.ProvisionCredentialsOk, credentials.SecretFile));
    }

    public void ConfigurationWritten(string configFile) => Console.WriteLine(texts.Format(TextKey.ProvisionConfigOk, configFile));

    /// <summary>Prints the failure and what to do next; returns the exit code.</summary>
    public int Failed(ProvisioningException error, Uri cloud)
    {
        ArgumentNullException.ThrowIfNull(error);
        var (line, fix, code) = error.Failure switch
        {
            ProvisioningFailure.TokenUnknown => (TextKey.ProvisionTokenUnknown, texts[TextKey.ProvisionTokenFix], ExitCodes.ProvisionTokenRefused),
            ProvisioningFailure.TokenUsed => (TextKey.ProvisionTokenUsed, texts[TextKey.ProvisionTokenUsedFix], ExitCodes.ProvisionTokenRefused),
            ProvisioningFailure.TokenExpired => (TextKey.ProvisionTokenExpired, texts[TextKey.ProvisionTokenFix], ExitCodes.ProvisionTokenRefused),
            ProvisioningFailure.TokenRevoked => (TextKey.ProvisionTokenRevoked, texts[TextKey.ProvisionTokenFix], ExitCodes.ProvisionTokenRefused),
            ProvisioningFailure.SiteMismatch => (TextKey.ProvisionSiteMismatch, texts[TextKey.ProvisionSiteMismatchFix], ExitCodes.ProvisionSiteMismatch),
            ProvisioningFailure.CloudUnreachable => (TextKey.ProvisionCloudUnreachable, texts.Format(TextKey.ProvisionCloudUnreachableFix, cloud), ExitCodes.ProvisionCloudUnreachable),
            ProvisioningFailure.LocalWrite => (TextKey.ProvisionLocalWrite, LocalWriteFix(), ExitCodes.ProvisionLocalFiles),
            ProvisioningFailure.InsecureUrl => (TextKey.ProvisionInsecureUrl, texts[TextKey.ProvisionInsecureUrlFix], ExitCodes.ProvisionInsecureUrl),
            _ => (TextKey.ProvisionCloudError, texts[TextKey.ProvisionCloudErrorFix], ExitCodes.ProvisionCloudError),
        };
        var detail = error.Failure == ProvisioningFailure.CloudUnreachable ? texts.Format(line, cloud, error.Message) : texts.Format(line, error.Message);
        Console.WriteLine(detail);
        Console.WriteLine($"     → {texts[TextKey.FixLabel]}: {fix}");
        return code;
    }

    private string LocalWriteFix() => _registered is { } reply
        ? texts.Format(TextKey.ProvisionLocalWriteAfterFix, reply.DeviceId)
        : texts[TextKey.ProvisionLocalWriteFix];
}
