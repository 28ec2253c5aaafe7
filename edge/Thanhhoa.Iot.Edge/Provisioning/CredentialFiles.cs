namespace Thanhhoa.Iot.Edge.Provisioning;

/// <summary>The gateway's credentials in <c>{data}/credentials/</c>: <c>device.secret</c> and <c>broker-ca.pem</c>.</summary>
public static class CredentialFiles
{
    public const string DirectoryName = "credentials";

    public static string DirectoryFor(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), DirectoryName);

    /// <summary>
    /// Checks, before the token is spent, that the credentials can be written here: creates the directory
    /// and a probe file. Throws <see cref="ProvisioningException"/> (<see cref="ProvisioningFailure.LocalWrite"/>).
    /// </summary>
    public static void CheckWritable(string dataDirectory)
    {
        var directory = DirectoryFor(dataDirectory);
        Guard(directory, () =>
        {
            OwnerOnlyFiles.EnsurePrivateDirectory(directory);
            var probe = Path.Combine(directory, ".write-test");
            OwnerOnlyFiles.Write(probe, string.Empty, OwnerOnlyFiles.Secret);
            File.Delete(probe);
        });
    }

    public static StoredCredentials Write(string dataDirectory, ProvisionReply reply, string secret)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var directory = DirectoryFor(dataDirectory);
        var secretFile = Path.Combine(directory, "device.secret");
        var caFile = reply.Broker.Tls ? Path.Combine(directory, "broker-ca.pem") : null;
        Guard(directory, () =>
        {
            OwnerOnlyFiles.EnsurePrivateDirectory(directory);
            OwnerOnlyFiles.Write(secretFile, secret + "\n", OwnerOnlyFiles.Secret);
            if (caFile is not null)
            {
                OwnerOnlyFiles.Write(caFile, reply.Broker.CaCertificatePem!, OwnerOnlyFiles.Public);
            }
        });
        return new StoredCredentials(directory, secretFile, caFile);
    }

    private static void Guard(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ProvisioningException(ProvisioningFailure.LocalWrite, $"{path}: {ex.Message}", ex);
        }
    }
}
