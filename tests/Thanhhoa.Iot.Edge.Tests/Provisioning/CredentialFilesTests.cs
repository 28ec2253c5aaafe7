using System.Buffers.Text;
using System.Runtime.Versioning;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Provisioning;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Provisioning;

[TestFixture]
[Category("Unit")]
[UnsupportedOSPlatform("windows")]
public sealed class CredentialFilesTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("credentials");

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void Write_Secret_OwnerOnlyFileInOwnerOnlyDirectory()
    {
        var secret = DeviceSecret.Generate();
        var stored = CredentialFiles.Write(_dir.Path, Reply(tls: true), secret);
        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(stored.Directory), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
            Assert.That(File.GetUnixFileMode(stored.SecretFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(File.ReadAllText(stored.SecretFile).Trim(), Is.EqualTo(secret));
            Assert.That(File.ReadAllText(stored.CaCertificateFile!), Is.EqualTo("-----BEGIN CERTIFICATE-----"));
            Assert.That(Directory.GetFiles(stored.Directory).Select(Path.GetFileName), Is.EquivalentTo(new[] { "device.secret", "broker-ca.pem" }));
        });
    }

    [Test]
    public void Write_ExistingWorldReadableSecret_ReplacedOwnerOnly()
    {
        var directory = CredentialFiles.DirectoryFor(_dir.Path);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "device.secret"), "old");
        File.SetUnixFileMode(Path.Combine(directory, "device.secret"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var stored = CredentialFiles.Write(_dir.Path, Reply(tls: false), "new-secret");
        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(stored.SecretFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(File.GetUnixFileMode(directory), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
            Assert.That(stored.CaCertificateFile, Is.Null);
        });
    }

    [Test]
    public void CheckWritable_DataDirectoryUnderAFile_LocalWriteFailure()
    {
        var file = _dir.File("a-file");
        File.WriteAllText(file, "x");
        var error = Assert.Throws<ProvisioningException>(() => CredentialFiles.CheckWritable(Path.Combine(file, "data")));
        Assert.That(error!.Failure, Is.EqualTo(ProvisioningFailure.LocalWrite));
    }

    [Test]
    public void Generate_DeviceSecret_32RandomBytesBase64Url()
    {
        var first = DeviceSecret.Generate();
        var second = DeviceSecret.Generate();
        Assert.Multiple(() =>
        {
            Assert.That(Base64Url.DecodeFromChars(first), Has.Length.EqualTo(32));
            Assert.That(first, Does.Match("^[A-Za-z0-9_-]{43}$"));
            Assert.That(second, Is.Not.EqualTo(first));
        });
    }

    private static ProvisionReply Reply(bool tls) =>
        new("gw-abc", "gw-abc", "site", new ProvisionedBroker("127.0.0.1", tls ? 8883 : 1883, tls, tls ? "-----BEGIN CERTIFICATE-----" : null), null);
}
