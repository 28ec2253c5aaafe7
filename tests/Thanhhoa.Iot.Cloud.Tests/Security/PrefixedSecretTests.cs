using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Security.Secrets;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

[TestFixture]
[Category("Unit")]
public sealed class PrefixedSecretTests
{
    [Test]
    public void New_Parse_RoundTrips()
    {
        var secret = PrefixedSecret.New("thk");
        Assert.Multiple(() =>
        {
            Assert.That(PrefixedSecret.TryParse(secret.Text, "thk", out var parsed), Is.True);
            Assert.That(parsed, Is.EqualTo(secret));
            Assert.That(secret.Text, Does.Match("^thk_[a-z2-7]{12}_[a-z2-7]{32}$"));
        });
    }

    [TestCase("thet_aaaaaaaaaaaa_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [TestCase("thk_aaaaaaaaaaa_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [TestCase("thk_aaaaaaaaaaaa_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("thk_aaaaaaaaaaaa_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1")]
    [TestCase("thk_aaaaaaaaaaaa")]
    [TestCase("")]
    [TestCase(null)]
    public void TryParse_WrongShape_False(string? text) => Assert.That(PrefixedSecret.TryParse(text, "thk", out _), Is.False);

    [Test]
    public void ToString_NeverShowsTheSecret()
    {
        var secret = PrefixedSecret.New("thet");
        Assert.That(secret.ToString(), Does.Not.Contain(secret.Secret));
    }
}
