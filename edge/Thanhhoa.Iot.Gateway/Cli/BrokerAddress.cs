using System.Globalization;

namespace Thanhhoa.Iot.Gateway.Cli;

/// <summary>A <c>host:port</c> given on the command line.</summary>
internal readonly record struct BrokerAddress(string Host, int Port)
{
    public static bool TryParse(string? text, out BrokerAddress address, out string error)
    {
        address = default;
        error = string.Empty;
        var colon = text?.LastIndexOf(':') ?? -1;
        if (text is null || colon <= 0 || colon == text.Length - 1)
        {
            error = $"--broker '{text}' is not host:port; use e.g. --broker 127.0.0.1:1883.";
            return false;
        }

        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = $"--broker '{text}' has port '{text[(colon + 1)..]}'; use a TCP port 1–65535.";
            return false;
        }

        address = new BrokerAddress(text[..colon], port);
        return true;
    }

    public override string ToString() => $"{Host}:{Port}";
}
