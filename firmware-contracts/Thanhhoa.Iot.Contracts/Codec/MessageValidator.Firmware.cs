using Thanhhoa.Iot.Contracts.Firmware;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Contracts.Codec;

/// <summary>Rules of <c>down/firmware</c> and <c>up/firmware-reported</c>.</summary>
public static partial class MessageValidator
{
    /// <summary>Longest bundle URL.</summary>
    private const int MaxUrlLength = 2048;

    /// <summary>Throws <see cref="ContractViolationException"/> unless the desired firmware obeys the contract.</summary>
    public static void Validate(FirmwareDesired desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        CheckVersion(desired.Version);
        CheckId(desired.RolloutId, "$.rolloutId", "rollout id");
        CheckSemanticVersion(desired.FirmwareVersion, "$.version");
        CheckUrl(desired.Url, "$.url");
        if (desired.Size < 1)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, "$.size", $"bundle size {desired.Size} must be 1 byte or more");
        }

        CheckSha256(desired.Sha256, "$.sha256");
    }

    /// <summary>Throws <see cref="ContractViolationException"/> unless the firmware report obeys the contract.</summary>
    public static void Validate(FirmwareReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        CheckVersion(report.Version);
        CheckId(report.RolloutId, "$.rolloutId", "rollout id");
        CheckDefined(report.State, "$.state");
        CheckSemanticVersion(report.Running, "$.running");
        CheckSemanticVersion(report.Target, "$.target");
        CheckProgress(report.Bytes, report.Total);
        CheckText(report.Reason, "$.reason");
        if (report.Reason is null && report.State is FirmwareState.Failed or FirmwareState.Refused or FirmwareState.RolledBack)
        {
            throw new ContractViolationException(RejectReason.MissingField, "$.reason",
                "a failed, refused or rolled-back report must say why in \"reason\"");
        }
    }

    private static void CheckProgress(long? bytes, long? total)
    {
        if (bytes is < 0)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, "$.bytes", $"{bytes} bytes must be 0 or more");
        }

        if (total is < 0)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, "$.total", $"total {total} must be 0 or more");
        }

        if (bytes is { } b && total is { } t && b > t)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, "$.bytes", $"{b} bytes is more than the total of {t}");
        }
    }

    private static void CheckSemanticVersion(string? text, string at)
    {
        if (!SemanticVersion.TryParse(text, out _))
        {
            throw new ContractViolationException(RejectReason.InvalidValue, at,
                $"'{text}' is not a semantic version of at most {SemanticVersion.MaxLength} characters; use MAJOR.MINOR.PATCH such as 1.4.2");
        }
    }

    private static void CheckUrl(string? url, string at)
    {
        var ok = url is { Length: <= MaxUrlLength }
            && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
        if (!ok)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, at,
                $"'{url}' is not an absolute http or https URL of at most {MaxUrlLength} characters");
        }
    }

    private static void CheckSha256(string? hex, string at)
    {
        var ok = hex is { Length: 64 } && hex.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
        if (!ok)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, at,
                $"'{hex}' is not a SHA-256 digest; use 64 lower-case hex digits");
        }
    }
}
