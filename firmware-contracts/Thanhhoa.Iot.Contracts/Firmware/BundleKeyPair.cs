using System.Security.Cryptography;

namespace Thanhhoa.Iot.Contracts.Firmware;

/// <summary>An ECDSA P-256 signing key as PEM: PKCS#8 private key and SubjectPublicKeyInfo public key.</summary>
/// <param name="PrivateKeyPem">"-----BEGIN PRIVATE KEY-----" text; a secret, never log it.</param>
/// <param name="PublicKeyPem">"-----BEGIN PUBLIC KEY-----" text, what gateways and the cloud trust.</param>
public sealed record BundleKeyPair(string PrivateKeyPem, string PublicKeyPem)
{
    /// <summary>A new random P-256 key pair.</summary>
    public static BundleKeyPair Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new BundleKeyPair(key.ExportPkcs8PrivateKeyPem(), key.ExportSubjectPublicKeyInfoPem());
    }

    /// <summary>Loads a P-256 private key from PEM.</summary>
    /// <exception cref="ArgumentException">Not a PEM EC private key on P-256; the message says what to do.</exception>
    public static ECDsa ImportPrivateKey(string pem) => Import(pem, "private");

    /// <summary>Loads a P-256 public key from PEM (a private key PEM works too: its public half is used).</summary>
    /// <exception cref="ArgumentException">Not a PEM EC key on P-256; the message says what to do.</exception>
    public static ECDsa ImportPublicKey(string pem) => Import(pem, "public");

    private static ECDsa Import(string pem, string what)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.KeySize != 256)
            {
                throw new ArgumentException(
                    $"The {what} key is an EC key of {key.KeySize} bits; bundles are signed with ECDSA P-256 only: create one with 'thgw bundle keygen'.",
                    nameof(pem));
            }

            return key;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException and not { ParamName: nameof(pem) })
        {
            key.Dispose();
            throw new ArgumentException(
                $"The {what} key is not a PEM ECDSA P-256 key ({ex.Message}); create one with 'thgw bundle keygen'.", nameof(pem), ex);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
