using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Thanhhoa.Iot.Edge.Diagnostics.Checks;
using Thanhhoa.Iot.Edge.Diagnostics.Text;

namespace Thanhhoa.Iot.Edge.Diagnostics.Doctor;

/// <summary>
/// The broker is reachable the way the uplink reaches it: the name resolves, a TCP connection opens,
/// and with TLS the handshake succeeds (against the pinned CA when one is configured, else the system's trust). It sends no MQTT
/// CONNECT: a second session with this device's client id would throw the running service off.
/// </summary>
public sealed class BrokerCheck(Texts texts, TimeProvider time, BrokerTarget target) : IDiagnosticCheck
{
    public string Name => "broker";

    public string? Progress => texts.Format(TextKey.BrokerProgress, target.Host, target.Port, target.UseTls ? "TLS" : "TCP");

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var addresses = await ResolveAsync(cancellationToken).ConfigureAwait(false);
        if (addresses.Failure is not null)
        {
            return addresses.Failure;
        }

        Exception? last = null;
        foreach (var address in addresses.Found)
        {
            using var client = new TcpClient(address.AddressFamily);
            try
            {
                await WithTimeoutAsync(ct => client.ConnectAsync(address, target.Port, ct).AsTask(), cancellationToken).ConfigureAwait(false);
                var endpoint = new IPEndPoint(address, target.Port);
                return target.UseTls ? await HandshakeAsync(client, endpoint, cancellationToken).ConfigureAwait(false) : Reached(endpoint, null);
            }
            catch (Exception ex) when (ex is SocketException or TimeoutException)
            {
                last = ex;
            }
        }

        return Unreachable(last);
    }

    private async Task<(IPAddress[] Found, CheckResult? Failure)> ResolveAsync(CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(target.Host, out var literal))
        {
            return ([literal], null);
        }

        try
        {
            var found = await WithTimeoutAsync(ct => Dns.GetHostAddressesAsync(target.Host, ct), cancellationToken).ConfigureAwait(false);
            return found.Length > 0 ? (found, null) : ([], DnsFailed(texts[TextKey.BrokerNoAddresses]));
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException)
        {
            return ([], DnsFailed(ex.Message));
        }
    }

    private async Task<CheckResult> HandshakeAsync(TcpClient client, IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var problems = SslPolicyErrors.None;
        using var pinned = string.IsNullOrEmpty(target.CaCertificateFile) ? null : Uplink.PinnedCertificateAuthority.Load(target.CaCertificateFile);
        await using var tls = new SslStream(client.GetStream(), false, (_, certificate, _, errors) =>
        {
            problems = errors;
            return pinned?.Validate(certificate, errors) ?? errors == SslPolicyErrors.None;
        });
        try
        {
            await WithTimeoutAsync(ct => tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = target.Host }, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException or TimeoutException)
        {
            var why = problems == SslPolicyErrors.None ? ex.Message : problems.ToString();
            return CheckResult.Fail(Name, texts.Format(TextKey.BrokerTlsFailed, target.Host, target.Port, why), texts.Format(TextKey.BrokerTlsFix, target.Host));
        }

        var certificate = tls.RemoteCertificate as X509Certificate2;
        var subject = certificate?.Subject ?? "?";
        var until = certificate?.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd", texts.Culture) ?? "?";
        return Reached(endpoint, texts.Format(TextKey.BrokerTlsOk, tls.SslProtocol, subject, until));
    }

    private CheckResult Reached(IPEndPoint endpoint, string? tls) =>
        CheckResult.Ok(Name, texts.Format(TextKey.BrokerReached, target.Host, endpoint, tls is null ? string.Empty : "; " + tls));

    private CheckResult DnsFailed(string why) =>
        CheckResult.Fail(Name, texts.Format(TextKey.BrokerDnsFailed, target.Host, why), texts.Format(TextKey.BrokerDnsFix, target.Host));

    private CheckResult Unreachable(Exception? last)
    {
        var refused = last is SocketException { SocketErrorCode: SocketError.ConnectionRefused };
        var why = last switch
        {
            TimeoutException => texts.Format(TextKey.BrokerNoAnswer, target.Timeout.TotalSeconds),
            null => "?",
            _ => last.Message,
        };
        return CheckResult.Fail(
            Name,
            texts.Format(TextKey.BrokerUnreachable, target.Host, target.Port, why),
            texts.Format(refused ? TextKey.BrokerRefusedFix : TextKey.BrokerUnreachableFix, target.Port, target.ConfigurationFile));
    }

    private async Task<T> WithTimeoutAsync<T>(Func<CancellationToken, Task<T>> step, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(target.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            return await step(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException();
        }
    }

    private Task WithTimeoutAsync(Func<CancellationToken, Task> step, CancellationToken cancellationToken) =>
        WithTimeoutAsync(async ct =>
        {
            await step(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);
}
