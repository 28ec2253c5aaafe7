using System.Security.Cryptography;

namespace Thanhhoa.Iot.Cloud.Security.Secrets;

/// <summary>
/// Random identifiers and secrets from the operating system's CSPRNG, in lowercase base32 (a-z, 2-7):
/// safe in URLs, MQTT client ids and device ids, and easy to read aloud or type from paper.
/// </summary>
public static class RandomSecrets
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary><paramref name="length"/> base32 characters (5 random bits each).</summary>
    public static string Base32(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        return RandomNumberGenerator.GetString(Alphabet, length);
    }
}
