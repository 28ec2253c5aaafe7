namespace Thanhhoa.Iot.Edge.Provisioning;

/// <summary>What <see cref="Provisioner"/> tells the technician as it goes (the CLI prints each step in vi/en).</summary>
public interface IProvisionProgress
{
    void LocalFilesWritable(string credentialsDirectory, string configFile);

    void SecretGenerated();

    void ContactingCloud(Uri cloud);

    void Registered(ProvisionReply reply);

    void CredentialsStored(StoredCredentials credentials);

    void ConfigurationWritten(string configFile);
}
