using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Broker;

namespace Thanhhoa.Iot.Cloud.Provisioning;

/// <summary>The broker address and CA a newly provisioned gateway is told to use (see <see cref="ProvisioningOptions"/>).</summary>
public sealed class BrokerEndpointAdvertiser(IOptions<ProvisioningOptions> options, IOptions<BrokerOptions> broker, IServiceProvider services)
{
    public BrokerEndpoint For(string requestHost)
    {
        var o = options.Value;
        var b = broker.Value;
        var host = o.BrokerHost is { Length: > 0 } configured ? configured : requestHost.Trim('[', ']');
        if (b.Mode == BrokerMode.External)
        {
            var ca = o.ExternalBrokerUsesTls && o.ExternalBrokerCaFile is { Length: > 0 } file ? File.ReadAllText(file) : null;
            return new BrokerEndpoint(host, o.BrokerPort ?? b.External.Port, o.ExternalBrokerUsesTls, ca);
        }

        if (b.Tls.Enabled)
        {
            var certificates = services.GetRequiredService<IBrokerCertificates>();
            return new BrokerEndpoint(host, o.BrokerPort ?? b.Tls.Port, true, certificates.CaCertificatePem());
        }

        return new BrokerEndpoint(host, o.BrokerPort ?? b.Port, false, null);
    }
}
