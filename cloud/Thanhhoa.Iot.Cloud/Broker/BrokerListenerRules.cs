using System.Net;

namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>
/// Which listeners the embedded broker may open: plain TCP only on loopback unless
/// <c>Broker:AllowPlainTcp</c> says otherwise, TLS with a coherent set of certificate files.
/// </summary>
internal static class BrokerListenerRules
{
    public static void Validate(List<string> errors, BrokerOptions options, IPAddress? bind)
    {
        var tls = options.Tls;
        if (options.Port != 0 || !tls.Enabled)
        {
            BrokerOptionsValidator.CheckPort(errors, "Broker:Port", options.Port);
        }

        if (options.Port != 0 && bind is not null && !IPAddress.IsLoopback(bind) && !options.AllowPlainTcp)
        {
            errors.Add($"Broker:BindAddress {bind} with Broker:Port {options.Port} would accept plain (unencrypted) MQTT from the network, so device secrets would travel in clear. " +
                "Enable TLS (Broker:Tls:Enabled=true; gateways use Broker:Tls:Port) and set Broker:Port=0, or bind to 127.0.0.1, or set Broker:AllowPlainTcp=true if a TLS proxy or a private network protects it.");
        }

        if (!tls.Enabled)
        {
            return;
        }

        BrokerOptionsValidator.CheckPort(errors, "Broker:Tls:Port", tls.Port);
        if (tls.Port == options.Port)
        {
            errors.Add($"Broker:Tls:Port and Broker:Port are both {tls.Port}; give TLS its own port (8883 by convention).");
        }

        ValidateFiles(errors, tls);
        foreach (var name in tls.HostNames.Where(n => Uri.CheckHostName(n) == UriHostNameType.Unknown))
        {
            errors.Add($"Broker:Tls:HostNames entry '{name}' is neither a DNS name nor an IP address.");
        }
    }

    private static void ValidateFiles(List<string> errors, BrokerTlsOptions tls)
    {
        if (string.IsNullOrEmpty(tls.CertificateFile) != string.IsNullOrEmpty(tls.KeyFile))
        {
            errors.Add("Broker:Tls:CertificateFile and Broker:Tls:KeyFile go together (PEM server certificate and its key); set both or neither.");
        }

        if (!string.IsNullOrEmpty(tls.CertificateFile) && string.IsNullOrEmpty(tls.CaCertificateFile))
        {
            errors.Add("Broker:Tls:CertificateFile needs Broker:Tls:CaCertificateFile too: gateways pin the CA that signed it.");
        }

        if (!string.IsNullOrEmpty(tls.CaCertificateFile) && string.IsNullOrEmpty(tls.CaKeyFile) && string.IsNullOrEmpty(tls.CertificateFile))
        {
            errors.Add("Broker:Tls:CaCertificateFile alone cannot issue the broker's certificate: add Broker:Tls:CaKeyFile, or give a finished Broker:Tls:CertificateFile + KeyFile.");
        }

        if (!string.IsNullOrEmpty(tls.CaKeyFile) && string.IsNullOrEmpty(tls.CaCertificateFile))
        {
            errors.Add("Broker:Tls:CaKeyFile needs Broker:Tls:CaCertificateFile (the CA certificate it belongs to).");
        }

        foreach (var (key, path) in new[] { ("CertificateFile", tls.CertificateFile), ("KeyFile", tls.KeyFile), ("CaCertificateFile", tls.CaCertificateFile), ("CaKeyFile", tls.CaKeyFile) })
        {
            if (!string.IsNullOrEmpty(path) && !File.Exists(path))
            {
                errors.Add($"Broker:Tls:{key} '{path}' does not exist; give the path of a PEM file the cloud can read.");
            }
        }
    }
}
