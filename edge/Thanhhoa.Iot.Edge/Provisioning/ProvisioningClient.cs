using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json;

namespace Thanhhoa.Iot.Edge.Provisioning;

/// <summary>
/// Calls the cloud's <c>POST /api/provision</c>. Refuses plain http:// except to a loopback address,
/// so the token and the secret never cross a network in clear. Maps the cloud's refusal codes and
/// transport failures to <see cref="ProvisioningFailure"/>.
/// </summary>
public sealed class ProvisioningClient(HttpClient http)
{
    public async Task<ProvisionReply> ProvisionAsync(Uri cloud, ProvisionRequestBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        CheckUrl(cloud);
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(new Uri(cloud, "api/provision"), body, ProvisioningJsonContext.Default.ProvisionRequestBody, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or AuthenticationException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ProvisioningException(ProvisioningFailure.CloudUnreachable, ex.InnerException?.Message ?? ex.Message, ex);
        }

        using (response)
        {
            return response.IsSuccessStatusCode
                ? await ReadReplyAsync(response, cancellationToken).ConfigureAwait(false)
                : throw await RefusalAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    public static bool IsAcceptableUrl(Uri cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        return cloud.Scheme == Uri.UriSchemeHttps
            || (cloud.Scheme == Uri.UriSchemeHttp && (cloud.IsLoopback || (IPAddress.TryParse(cloud.IdnHost, out var ip) && IPAddress.IsLoopback(ip))));
    }

    private static void CheckUrl(Uri cloud)
    {
        if (!IsAcceptableUrl(cloud))
        {
            throw new ProvisioningException(ProvisioningFailure.InsecureUrl, cloud.ToString());
        }
    }

    private static async Task<ProvisionReply> ReadReplyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await response.Content.ReadFromJsonAsync(ProvisioningJsonContext.Default.ProvisionReply, cancellationToken).ConfigureAwait(false);
            if (reply is { DeviceId.Length: > 0, Broker.Host.Length: > 0 } && (!reply.Broker.Tls || !string.IsNullOrEmpty(reply.Broker.CaCertificatePem)))
            {
                return reply;
            }
        }
        catch (JsonException)
        {
        }

        throw new ProvisioningException(ProvisioningFailure.CloudError, $"HTTP {(int)response.StatusCode}: not a provisioning answer (is --cloud the Thanhhoa.Iot cloud?)");
    }

    private static async Task<ProvisioningException> RefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ProvisionProblem? problem = null;
        try
        {
            problem = await response.Content.ReadFromJsonAsync(ProvisioningJsonContext.Default.ProvisionProblem, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
        }

        var failure = problem?.Code switch
        {
            "token_unknown" => ProvisioningFailure.TokenUnknown,
            "token_used" => ProvisioningFailure.TokenUsed,
            "token_expired" => ProvisioningFailure.TokenExpired,
            "token_revoked" => ProvisioningFailure.TokenRevoked,
            "site_mismatch" => ProvisioningFailure.SiteMismatch,
            _ => ProvisioningFailure.CloudError,
        };
        var text = problem?.Detail ?? problem?.Title ?? response.ReasonPhrase ?? "no detail";
        return new ProvisioningException(failure, $"HTTP {(int)response.StatusCode}: {text}");
    }
}
