using System.Net;
using System.Net.Sockets;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Diagnostics.Doctor;
using Thanhhoa.Iot.Edge.Diagnostics.Text;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Diagnostics;

[TestFixture]
[Category("Integration")]
public sealed class BrokerCheckTests
{
    [Test]
    public async Task Run_SomethingListens_PassesNamingTheEndpoint()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;

            var result = await Check(port, tls: false).RunAsync(CancellationToken.None);

            Assert.That(result.Passed, Is.True, result.Detail);
            Assert.That(result.Detail, Does.Contain($"127.0.0.1:{port}"));
        }
        finally
        {
            listener.Stop();
        }
    }

    [Test]
    public async Task Run_PortClosed_FailsWithRefusedFixNamingThePort()
    {
        var port = FreeTcpPort.Next();

        var result = await Check(port, tls: false).RunAsync(CancellationToken.None);

        Assert.That(result.Passed, Is.False);
        Assert.That(result.Fix, Does.Contain($"port {port}").And.Contain("Uplink:Port"));
    }

    [Test]
    public async Task Run_TlsToAPlainServerThatHangsUp_FailsTheHandshakeWithTlsFix()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var hangUp = Task.Run(async () =>
            {
                using var client = await listener.AcceptTcpClientAsync();
            });

            var result = await Check(port, tls: true).RunAsync(CancellationToken.None);
            await hangUp;

            Assert.That(result.Passed, Is.False);
            Assert.That(result.Detail, Does.Contain("TLS handshake"));
            Assert.That(result.Fix, Does.Contain("certificate"));
        }
        finally
        {
            listener.Stop();
        }
    }

    private static BrokerCheck Check(int port, bool tls) =>
        new(new Texts(Language.En), TimeProvider.System, new BrokerTarget("127.0.0.1", port, tls, TimeSpan.FromSeconds(5), "/etc/thgw/appsettings.json"));
}
