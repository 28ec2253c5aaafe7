using System.Buffers.Text;
using System.Security.Cryptography;

namespace Thanhhoa.Iot.Edge.Provisioning;

/// <summary>The gateway's MQTT secret: 32 bytes from the operating system's CSPRNG, base64url. Generated on the gateway; the cloud keeps only a salted hash.</summary>
public static class DeviceSecret
{
    public const int Bytes = 32;

    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));
}
