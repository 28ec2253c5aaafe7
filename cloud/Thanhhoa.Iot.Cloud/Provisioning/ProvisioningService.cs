using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Security;
using Thanhhoa.Iot.Cloud.Security.BrokerAccess;
using Thanhhoa.Iot.Cloud.Security.Credentials;
using Thanhhoa.Iot.Cloud.Security.Enrollment;
using Thanhhoa.Iot.Cloud.Security.Secrets;
using Thanhhoa.Iot.Contracts;

namespace Thanhhoa.Iot.Cloud.Provisioning;

/// <summary>
/// Turns an enrollment token and a gateway-chosen secret into a device: checks the token (single use,
/// not expired, site), assigns the device id, registers it with the broker, then in one transaction
/// redeems the token, stores the secret's salted hash and moves the site to the new device, revoking
/// the gateway it replaces.
/// </summary>
public sealed class ProvisioningService(
    EnrollmentTokens tokens,
    IEnrollmentTokenStore tokenStore,
    IDeviceCredentialStore credentials,
    IEnumerable<IBrokerAccessSync> brokers,
    DeviceRevocation revocation,
    BrokerEndpointAdvertiser advertiser,
    IOptions<SecurityOptions> security,
    TimeProvider time,
    ILogger<ProvisioningService> logger)
{
    private const int MinSecretBytes = 32;

    public async Task<ProvisionResult> ProvisionAsync(ProvisionRequest request, string requestHost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request) is { } invalid)
        {
            return Refuse(invalid, null);
        }

        var token = await tokens.FindAsync(request.Token, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return Refuse(ProvisioningErrors.UnknownToken(), null);
        }

        var state = token.StateAt(time.GetUtcNow());
        if (state != EnrollmentTokenState.Valid)
        {
            return Refuse(ProvisioningErrors.ForState(token, state), token.Id);
        }

        if (token.Site is not null && request.Site is not null && token.Site != request.Site)
        {
            return Refuse(ProvisioningErrors.SiteMismatch(token, request.Site), token.Id);
        }

        var deviceId = "gw-" + RandomSecrets.Base32(12);
        var site = token.Site ?? request.Site;
        if (!await RegisterWithBrokersAsync(deviceId, request.Secret!, cancellationToken).ConfigureAwait(false))
        {
            return Refuse(ProvisioningErrors.BrokerUnavailable(), token.Id);
        }

        return await CommitAsync(token, deviceId, site, request.Secret!, requestHost, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ProvisionResult> CommitAsync(EnrollmentToken token, string deviceId, string? site, string secret, string requestHost, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var credential = new DeviceCredential
        {
            DeviceId = deviceId,
            Hash = SecretHasher.Hash(secret, security.Value.HashIterations),
            Site = site,
            EnrolledAt = now,
            TokenId = token.Id,
        };
        var outcome = await credentials.EnrollAsync(new EnrollmentCommit(token.Id, credential, now), cancellationToken).ConfigureAwait(false);
        if (!outcome.Enrolled)
        {
            await AbandonAsync(deviceId).ConfigureAwait(false);
            // Another request redeemed (or someone revoked) the token between the check and the commit.
            var current = await tokenStore.FindAsync(token.Id, cancellationToken).ConfigureAwait(false);
            return Refuse(current is null ? ProvisioningErrors.UnknownToken() : ProvisioningErrors.ForState(current, outcome.TokenState), token.Id);
        }

        ProvisioningLog.Provisioned(logger, deviceId, site ?? "(none)", token.Id);
        if (outcome.ReplacedDeviceId is { } replaced)
        {
            ProvisioningLog.Replaced(logger, deviceId, replaced, site!);
            await revocation.CutOffAsync(replaced, $"replaced by {deviceId} at site {site}", cancellationToken).ConfigureAwait(false);
        }

        var response = new ProvisionResponse(deviceId, deviceId, site, advertiser.For(requestHost), outcome.ReplacedDeviceId);
        return new ProvisionResult(response, null, token.Id);
    }

    private async Task<bool> RegisterWithBrokersAsync(string deviceId, string secret, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var broker in brokers)
            {
                await broker.DeviceEnrolledAsync(deviceId, secret, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ProvisioningLog.BrokerUpdateFailed(logger, ex, deviceId);
            await AbandonAsync(deviceId).ConfigureAwait(false);
            return false;
        }
    }

    private async Task AbandonAsync(string deviceId)
    {
        foreach (var broker in brokers)
        {
            try
            {
                await broker.DeviceEnrollmentAbandonedAsync(deviceId, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                ProvisioningLog.BrokerUpdateFailed(logger, ex, deviceId);
            }
        }
    }

    private ProvisionResult Refuse(ProvisioningError error, string? tokenId)
    {
        ProvisioningLog.Refused(logger, error.Code, error.Detail);
        return new ProvisionResult(null, error, tokenId);
    }

    private static ProvisioningError? Validate(ProvisionRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Token))
        {
            return ProvisioningErrors.Invalid("'token' is missing: give the enrollment token (thet_…).");
        }

        if (!IsStrongSecret(request.Secret))
        {
            return ProvisioningErrors.Invalid($"'secret' must be base64url of at least {MinSecretBytes} random bytes (the gateway generates it).");
        }

        if (request.Site is not null && !ContractInfo.IsValidId(request.Site))
        {
            return ProvisioningErrors.Invalid($"site '{request.Site}' is not a site code: use 1-{ContractInfo.MaxIdLength} of a-z, 0-9, '_' or '-'.");
        }

        return null;
    }

    private static bool IsStrongSecret(string? secret)
    {
        if (secret is null || secret.Length is < 43 or > 256 || !secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }

        return System.Buffers.Text.Base64Url.IsValid(secret, out var decoded) && decoded >= MinSecretBytes;
    }
}
