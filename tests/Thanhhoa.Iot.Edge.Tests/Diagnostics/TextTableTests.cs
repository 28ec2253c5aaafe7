using System.Text.RegularExpressions;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Diagnostics.Text;

namespace Thanhhoa.Iot.Edge.Tests.Diagnostics;

[TestFixture]
[Category("Unit")]
public sealed partial class TextTableTests
{
    private static IEnumerable<TextKey> AllKeys => Enum.GetValues<TextKey>();

    [TestCaseSource(nameof(AllKeys))]
    public void Template_EveryKey_HasBothLanguagesWithTheSamePlaceholders(TextKey key)
    {
        var en = TextTable.Template(key, Language.En);
        var vi = TextTable.Template(key, Language.Vi);

        Assert.That(en, Is.Not.Empty);
        Assert.That(vi, Is.Not.Empty);
        Assert.That(Placeholders(vi), Is.EqualTo(Placeholders(en)), $"{key}: en '{en}' / vi '{vi}'");
    }

    [Test]
    public void Format_Vietnamese_UsesVietnameseNumberFormat()
    {
        var texts = new Texts(Language.Vi);

        Assert.That(texts.Format(TextKey.StatusOutbox, 10, 1, 2.5, 256.0), Is.EqualTo("10 số đo + 1 sự kiện đang chờ; 2,5 / 256 MiB"));
    }

    private static SortedSet<int> Placeholders(string template) =>
        new(PlaceholderPattern().Matches(template).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex PlaceholderPattern();
}
