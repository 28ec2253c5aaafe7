using System.Runtime.Versioning;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Firmware;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.EndToEnd.Tests.Packaging;

/// <summary>The built thgw's <c>bundle keygen</c> and <c>bundle create</c>, checked with the contract's verifier.</summary>
[TestFixture]
[Category("Integration")]
[UnsupportedOSPlatform("windows")]
public sealed class BundleCommandTests
{
    [Test]
    public async Task KeygenThenCreate_BundleVerifiesWithThePublicKey_PrivateKeyOwnerOnly()
    {
        using var dir = new TempDirectory("thgw-bundle");
        var publish = Directory.CreateDirectory(dir.File("publish")).FullName;
        await File.WriteAllTextAsync(Path.Combine(publish, "thgw.dll"), "code 1.4.2");

        var keygen = await ThgwRun.ExecAsync(["bundle", "keygen", "--out", dir.File("key.pem")]);
        var create = await ThgwRun.ExecAsync(["bundle", "create", "--from", publish, "--version", "1.4.2", "--hardware", "rpi-arm64",
            "--key", dir.File("key.pem"), "--min-from", "1.3.0", "--out", dir.File("thgw-1.4.2.thb")]);

        Assert.That(keygen.ExitCode, Is.Zero, keygen.Text);
        Assert.That(create.ExitCode, Is.Zero, create.Text);
        using var verifier = new BundleVerifier([await File.ReadAllTextAsync(dir.File("key.pub.pem"))]);
        var manifest = verifier.Verify(dir.File("thgw-1.4.2.thb"));
        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(dir.File("key.pem")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(manifest, Has.Property(nameof(BundleManifest.Version)).EqualTo("1.4.2").And.Property(nameof(BundleManifest.MinFromVersion)).EqualTo("1.3.0"));
            Assert.That(create.Text, Does.Contain("packing 100%"));
        });
    }

    [Test]
    public async Task Create_MissingPublishFolder_ExitsOneNamingTheFolder()
    {
        using var dir = new TempDirectory("thgw-bundle");
        await ThgwRun.ExecAsync(["bundle", "keygen", "--out", dir.File("key.pem")]);

        var create = await ThgwRun.ExecAsync(["bundle", "create", "--from", dir.File("nope"), "--version", "1.4.2", "--hardware", "rpi-arm64",
            "--key", dir.File("key.pem"), "--out", dir.File("x.thb")]);

        Assert.That(create.ExitCode, Is.EqualTo(1), create.Text);
        Assert.That(create.Text, Does.Contain(dir.File("nope")).And.Contain("does not exist"));
    }

    [Test]
    public async Task Create_VersionNotSemver_UsageError()
    {
        var create = await ThgwRun.ExecAsync(["bundle", "create", "--from", ".", "--version", "1.4", "--hardware", "rpi-arm64", "--key", "k.pem", "--out", "x.thb"]);

        Assert.That(create.ExitCode, Is.EqualTo(2), create.Text);
        Assert.That(create.Text, Does.Contain("--version '1.4' is not a semantic version"));
    }
}
