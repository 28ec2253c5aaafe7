using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Security.Secrets;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

[TestFixture]
[Category("Unit")]
public sealed class SecretHasherTests
{
    [Test]
    public void Verify_SameSecret_True()
    {
        var hash = SecretHasher.Hash("s3cret-value", 1000);
        Assert.That(SecretHasher.Verify("s3cret-value", hash), Is.True);
    }

    [TestCase("s3cret-valuE")]
    [TestCase("s3cret-value ")]
    [TestCase("")]
    [TestCase(null)]
    public void Verify_OtherSecret_False(string? other) =>
        Assert.That(SecretHasher.Verify(other, SecretHasher.Hash("s3cret-value", 1000)), Is.False);

    [Test]
    public void Hash_SameSecretTwice_DifferentSaltsAndHashes()
    {
        var first = SecretHasher.Hash("same", 1000);
        var second = SecretHasher.Hash("same", 1000);
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Not.EqualTo(second));
            Assert.That(first.Split('$')[2], Is.Not.EqualTo(second.Split('$')[2]));
            Assert.That(first, Does.StartWith("pbkdf2-sha256$1000$").And.Not.Contain("same"));
        });
    }

    [TestCase("pbkdf2-sha256$10$AAAA$AAAA")]
    [TestCase("md5$1000$AAAA$AAAA")]
    [TestCase("pbkdf2-sha256$1000$not base64$AAAA")]
    [TestCase("garbage")]
    public void Verify_MalformedStoredHash_False(string stored) => Assert.That(SecretHasher.Verify("x", stored), Is.False);

    [Test]
    public void Verify_HashWithOtherIterationCount_StillVerifies()
    {
        // Stored hashes carry their iteration count, so raising Security:HashIterations keeps old ones valid.
        var old = SecretHasher.Hash("secret", 2000);
        Assert.That(SecretHasher.Verify("secret", old), Is.True);
    }
}
