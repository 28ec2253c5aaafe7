using NUnit.Framework;
using Thanhhoa.Iot.Edge.Diagnostics.Text;

namespace Thanhhoa.Iot.Edge.Tests.Diagnostics;

[TestFixture]
[Category("Unit")]
public sealed class LanguageChoiceTests
{
    [TestCase(null, null, "vi_VN.UTF-8", Language.Vi)]
    [TestCase(null, null, "en_US.UTF-8", Language.En)]
    [TestCase("C.UTF-8", null, "vi_VN.UTF-8", Language.En)]
    [TestCase("vi_VN", null, "en_US.UTF-8", Language.Vi)]
    [TestCase("", "vi", "en_US.UTF-8", Language.Vi)]
    [TestCase(null, null, null, Language.En)]
    public void FromEnvironment_LocaleVariables_FirstSetWinsAndViMeansVietnamese(string? lcAll, string? lcMessages, string? lang, Language expected)
    {
        var env = new Dictionary<string, string?> { ["LC_ALL"] = lcAll, ["LC_MESSAGES"] = lcMessages, ["LANG"] = lang };

        Assert.That(LanguageChoice.FromEnvironment(name => env.GetValueOrDefault(name)), Is.EqualTo(expected));
    }

    [TestCase(new[] { "doctor", "--lang", "vi" }, "vi")]
    [TestCase(new[] { "--lang=en", "status" }, "en")]
    [TestCase(new[] { "doctor" }, null)]
    public void FindInArguments_LangGivenOrNot_ReturnsItsValue(string[] args, string? expected)
    {
        Assert.That(LanguageChoice.FindInArguments(args), Is.EqualTo(expected));
    }
}
