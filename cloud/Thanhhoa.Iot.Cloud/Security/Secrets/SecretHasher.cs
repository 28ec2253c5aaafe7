using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Thanhhoa.Iot.Cloud.Security.Secrets;

/// <summary>
/// Salted PBKDF2-SHA256 hashes of secrets (device secrets, API keys, enrollment tokens), stored as
/// <c>pbkdf2-sha256$iterations$salt$hash</c> so the iteration count can be raised later without
/// invalidating stored hashes. Verification compares in constant time.
/// </summary>
public static class SecretHasher
{
    public const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Hash(string secret, int iterations)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1000);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(secret, salt, iterations);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>True when <paramref name="secret"/> hashes to <paramref name="stored"/>; false for any malformed input.</summary>
    public static bool Verify(string? secret, string? stored)
    {
        if (string.IsNullOrEmpty(secret) || stored is null)
        {
            return false;
        }

        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1000)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            return CryptographicOperations.FixedTimeEquals(Derive(secret, salt, iterations), expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] Derive(string secret, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
