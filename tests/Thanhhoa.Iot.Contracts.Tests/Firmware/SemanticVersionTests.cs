using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Firmware;

namespace Thanhhoa.Iot.Contracts.Tests.Firmware;

[TestFixture]
[Category("Unit")]
public sealed class SemanticVersionTests
{
    // The precedence example of semver.org §11, in ascending order.
    private static readonly string[] Ascending =
        ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.4.2", "1.10.0", "2.0.0"];

    [Test]
    public void CompareTo_SemverOrgExample_SortsInPrecedenceOrder()
    {
        var shuffled = Ascending.Reverse().Select(SemanticVersion.Parse).ToList();
        shuffled.Sort();
        Assert.That(shuffled.Select(v => v.Text), Is.EqualTo(Ascending));
    }

    [Test]
    public void Equals_BuildMetadataDiffers_EqualPrecedence()
    {
        Assert.That(SemanticVersion.Parse("1.4.2+build.7") == SemanticVersion.Parse("1.4.2"), Is.True);
    }

    [TestCase("1.4")]
    [TestCase("v1.4.2")]
    [TestCase("01.4.2")]
    [TestCase("1.4.2-")]
    [TestCase("1.4.2-01")]
    [TestCase("1.4.2+")]
    [TestCase("1.4.2.0")]
    [TestCase("")]
    public void TryParse_NotSemver_False(string text)
    {
        Assert.That(SemanticVersion.TryParse(text, out _), Is.False);
    }

    [Test]
    public void Parse_NotSemver_MessageNamesTheTextAndTheForm()
    {
        var ex = Assert.Throws<FormatException>(() => SemanticVersion.Parse("1.4"))!;
        Assert.That(ex.Message, Does.Contain("'1.4'").And.Contain("MAJOR.MINOR.PATCH"));
    }
}
