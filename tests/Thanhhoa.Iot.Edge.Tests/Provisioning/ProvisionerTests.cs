using NUnit.Framework;
using Thanhhoa.Iot.Edge.Provisioning;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Provisioning;

/// <summary>The gateway's provisioning flow against a scripted cloud over real HTTP.</summary>
[TestFixture]
[Category("Integration")]
public sealed class ProvisionerTests
{
    private const string Reply = """{"deviceId":"gw-abc","username":"gw-abc","site":"s1","broker":{"host":"127.0.0.1","port":1883,"tls":false},"replacedDeviceId":null}""";

    [Test]
    public async Task Run_ConfigNotWritable_FailsBeforeTheTokenIsSpent()
    {
        using var dir = new TempDirectory("provisioner");
        File.WriteAllText(dir.File("a-file"), "x");
        using var cloud = new ScriptedCloud(200, Reply);
        using var http = new HttpClient();
        var plan = new ProvisionPlan(cloud.Url, "thet_x", null, dir.File("data"), Path.Combine(dir.File("a-file"), "appsettings.json"), null);
        var error = Assert.ThrowsAsync<ProvisioningException>(() => new Provisioner(new ProvisioningClient(http)).RunAsync(plan, new RecordingProgress(), CancellationToken.None));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Failure, Is.EqualTo(ProvisioningFailure.LocalWrite));
            Assert.That(cloud.Requests, Is.Empty, "the cloud must not be called (it would spend the single-use token)");
        });
    }

    [Test]
    public async Task Run_Accepted_StepsInOrderSecretSentEqualsSecretStored()
    {
        using var dir = new TempDirectory("provisioner");
        using var cloud = new ScriptedCloud(200, Reply);
        using var http = new HttpClient();
        var progress = new RecordingProgress();
        var plan = new ProvisionPlan(cloud.Url, " thet_x ", "s1", dir.File("data"), dir.File("appsettings.json"), null);
        await new Provisioner(new ProvisioningClient(http)).RunAsync(plan, progress, CancellationToken.None);
        var stored = File.ReadAllText(Path.Combine(dir.File("data"), "credentials", "device.secret")).Trim();
        Assert.Multiple(() =>
        {
            Assert.That(progress.Steps, Is.EqualTo(new[] { "files", "secret", "contacting", "registered gw-abc", "credentials", "config" }));
            Assert.That(cloud.Requests.Single(), Does.Contain($"\"secret\":\"{stored}\"").And.Contain("\"token\":\"thet_x\""));
        });
    }

    private sealed class RecordingProgress : IProvisionProgress
    {
        public List<string> Steps { get; } = [];

        public void LocalFilesWritable(string credentialsDirectory, string configFile) => Steps.Add("files");

        public void SecretGenerated() => Steps.Add("secret");

        public void ContactingCloud(Uri cloud) => Steps.Add("contacting");

        public void Registered(ProvisionReply reply) => Steps.Add($"registered {reply.DeviceId}");

        public void CredentialsStored(StoredCredentials credentials) => Steps.Add("credentials");

        public void ConfigurationWritten(string configFile) => Steps.Add("config");
    }
}
