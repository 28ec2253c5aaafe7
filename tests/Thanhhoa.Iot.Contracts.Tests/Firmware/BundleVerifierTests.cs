using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Firmware;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Firmware;

namespace Thanhhoa.Iot.Contracts.Tests.Firmware;

/// <summary>Bundles built by <see cref="BundleWriter"/> and checked by <see cref="BundleVerifier"/>, on real files.</summary>
[TestFixture]
[Category("Unit")]
public sealed class BundleVerifierTests
{
    private static readonly BundleKeyPair Key = BundleKeyPair.Generate();
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void Verify_BundleFromWriter_ReturnsTheSignedManifest()
    {
        var path = Build("1.4.2");
        using var verifier = new BundleVerifier([Key.PublicKeyPem]);

        var manifest = verifier.Verify(path, new BundleExpectations { Hardware = "rpi-arm64", Running = SemanticVersion.Parse("1.4.1") });

        Assert.Multiple(() =>
        {
            Assert.That(manifest.Version, Is.EqualTo("1.4.2"));
            Assert.That(manifest.Hardware, Is.EqualTo("rpi-arm64"));
            Assert.That(manifest.Sha256, Has.Length.EqualTo(64));
        });
    }

    [Test]
    public void ExtractPayload_VerifiedBundle_RestoresThePublishFolder()
    {
        var path = Build("1.4.2");
        var target = Path.Combine(_dir.Path, "slot");

        BundleReader.ExtractPayload(path, target);

        Assert.That(File.ReadAllText(Path.Combine(target, "lib", "thgw.dll")), Is.EqualTo("new code 1.4.2"));
    }

    [Test]
    public void Verify_OtherKey_BadSignature()
    {
        var path = Build("1.4.2");
        using var verifier = new BundleVerifier([BundleKeyPair.Generate().PublicKeyPem]);
        Assert.That(Refusal(() => verifier.Verify(path)), Is.EqualTo(BundleRefusal.BadSignature));
    }

    [Test]
    public void Verify_ManifestChangedAfterSigning_BadSignature()
    {
        var path = Build("1.4.2");
        BundleSurgery.Rewrite(path, BundleFormat.ManifestEntry, bytes => System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(bytes).Replace("1.4.2", "9.4.2", StringComparison.Ordinal)));
        using var verifier = new BundleVerifier([Key.PublicKeyPem]);
        Assert.That(Refusal(() => verifier.Verify(path)), Is.EqualTo(BundleRefusal.BadSignature));
    }

    [Test]
    public void Verify_OneByteOfPayloadFlipped_TamperedPayload()
    {
        var path = Build("1.4.2");
        BundleSurgery.FlipOneByte(path, BundleFormat.PayloadEntry);
        using var verifier = new BundleVerifier([Key.PublicKeyPem]);
        Assert.That(Refusal(() => verifier.Verify(path)), Is.EqualTo(BundleRefusal.TamperedPayload));
    }

    [Test]
    public void Verify_NoSignatureEntry_Unsigned()
    {
        var path = Build("1.4.2");
        BundleSurgery.Rewrite(path, BundleFormat.SignatureEntry, _ => null);
        using var verifier = new BundleVerifier([Key.PublicKeyPem]);
        Assert.That(Refusal(() => verifier.Verify(path)), Is.EqualTo(BundleRefusal.Unsigned));
    }

    [Test]
    public void Verify_NotATarFile_Malformed()
    {
        var path = Path.Combine(_dir.Path, "junk.thb");
        File.WriteAllText(path, new string('x', 2000));
        using var verifier = new BundleVerifier([Key.PublicKeyPem]);
        Assert.That(Refusal(() => verifier.Verify(path)), Is.EqualTo(BundleRefusal.Malformed));
    }

    [TestCase("1.4.2", null, "rpi-armhf", "1.4.1", false, BundleRefusal.WrongHardware)]
    [TestCase("1.4.0", null, "rpi-arm64", "1.4.1", false, BundleRefusal.Downgrade)]
    [TestCase("1.4.0", null, "rpi-arm64", "1.4.1", true, BundleRefusal.Downgrade)] // asked for, not signed as one
    [TestCase("1.4.2", "1.3.0", "rpi-arm64", "1.2.9", false, BundleRefusal.TooOldToUpgradeFrom)]
    public void Verify_ExpectationNotMet_RefusedWithTheReason(string version, string? minFrom, string hardware, string running, bool downgradeRequested, BundleRefusal expected)
    {
        var path = Build(version, minFrom);
        using var verifier = new BundleVerifier([Key.PublicKeyPem]);
        var expectations = new BundleExpectations { Hardware = hardware, Running = SemanticVersion.Parse(running), DowngradeRequested = downgradeRequested };
        Assert.That(Refusal(() => verifier.Verify(path, expectations)), Is.EqualTo(expected));
    }

    [Test]
    public void Verify_SignedDowngradeThatWasAskedFor_Accepted()
    {
        var path = Build("1.4.0", downgrade: true);
        using var verifier = new BundleVerifier([Key.PublicKeyPem]);
        var expectations = new BundleExpectations { Hardware = "rpi-arm64", Running = SemanticVersion.Parse("1.4.1"), DowngradeRequested = true };
        Assert.That(verifier.Verify(path, expectations).Version, Is.EqualTo("1.4.0"));
    }

    [Test]
    public void Create_EmptyPublishFolder_ErrorNamesTheFolder()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_dir.Path, "empty")).FullName;
        var ex = Assert.Throws<ArgumentException>(() => BundleWriter.Create(Request(empty, "1.4.2")))!;
        Assert.That(ex.Message, Does.Contain(empty).And.Contain("no files"));
    }

    private static BundleRefusal Refusal(TestDelegate verify) => Assert.Throws<BundleRefusedException>(verify)!.Refusal;

    private string Build(string version, string? minFrom = null, bool downgrade = false)
    {
        var publish = Path.Combine(_dir.Path, "publish-" + version);
        Directory.CreateDirectory(Path.Combine(publish, "lib"));
        File.WriteAllText(Path.Combine(publish, "lib", "thgw.dll"), "new code " + version);
        File.WriteAllBytes(Path.Combine(publish, "thgw"), Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray());
        BundleWriter.Create(Request(publish, version) with { MinFromVersion = minFrom, Downgrade = downgrade });
        return Path.Combine(_dir.Path, version + ".thb");
    }

    private BundleWriteRequest Request(string publish, string version) => new()
    {
        SourceDirectory = publish,
        Version = version,
        Hardware = "rpi-arm64",
        PrivateKeyPem = Key.PrivateKeyPem,
        OutputPath = Path.Combine(_dir.Path, version + ".thb"),
        CreatedAt = new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero),
    };
}
