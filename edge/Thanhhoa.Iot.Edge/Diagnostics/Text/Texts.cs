using System.Globalization;

namespace Thanhhoa.Iot.Edge.Diagnostics.Text;

/// <summary>The technician's messages in one language, looked up by key from <see cref="TextTable"/>.</summary>
public sealed class Texts
{
    public Texts(Language language)
    {
        Language = language;
        Culture = CultureInfo.GetCultureInfo(language == Language.Vi ? "vi-VN" : "en-US");
    }

    public Language Language { get; }

    /// <summary>Numbers and dates in messages are formatted for this culture.</summary>
    public CultureInfo Culture { get; }

    public string this[TextKey key] => TextTable.Template(key, Language);

    public string Format(TextKey key, params object?[] args) => string.Format(Culture, this[key], args);
}
