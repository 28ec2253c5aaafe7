namespace Thanhhoa.Iot.Edge.Provisioning;

/// <summary>
/// The provisioning flow on the gateway: check the files can be written (before the single-use token is
/// spent), generate the secret here, register with the cloud, store the secret owner-only with the CA pin,
/// and write the configuration the service reads. Throws <see cref="ProvisioningException"/>.
/// </summary>
public sealed class Provisioner(ProvisioningClient client)
{
    public async Task<ProvisionReply> RunAsync(ProvisionPlan plan, IProvisionProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(progress);
        CredentialFiles.CheckWritable(plan.DataDirectory);
        GatewayConfigWriter.CheckWritable(plan.ConfigFile);
        progress.LocalFilesWritable(CredentialFiles.DirectoryFor(plan.DataDirectory), plan.ConfigFile);

        var secret = DeviceSecret.Generate();
        progress.SecretGenerated();

        progress.ContactingCloud(plan.Cloud);
        var reply = await client.ProvisionAsync(plan.Cloud, new ProvisionRequestBody(plan.Token.Trim(), secret, plan.Site, plan.Firmware), cancellationToken).ConfigureAwait(false);
        progress.Registered(reply);

        var stored = CredentialFiles.Write(plan.DataDirectory, reply, secret);
        progress.CredentialsStored(stored);

        var settings = new GatewaySettings(reply.DeviceId, reply.Site, Path.GetFullPath(plan.DataDirectory), reply.Broker, reply.Username, stored);
        GatewayConfigWriter.Write(plan.ConfigFile, settings);
        progress.ConfigurationWritten(plan.ConfigFile);
        return reply;
    }
}
