using System.Collections.Frozen;

namespace Thanhhoa.Iot.Edge.Diagnostics.Text;

/// <summary>
/// Every message of the technician's tools, English and Vietnamese side by side, so a translation
/// is reviewed next to its source and a missing one fails a test rather than a technician. Templates
/// use composite format placeholders ({0}); both languages of a key take the same arguments.
/// Split by area across partial files (Checks, Doctor, Cli, Provisioning).
/// </summary>
internal static partial class TextTable
{
    private static readonly FrozenDictionary<TextKey, (string En, string Vi)> Entries =
        Checks().Concat(Doctor()).Concat(Cli()).Concat(Provisioning()).ToFrozenDictionary(e => e.Key, e => (e.En, e.Vi));

    public static IEnumerable<TextKey> Keys => Entries.Keys;

    public static string Template(TextKey key, Language language) =>
        Entries.TryGetValue(key, out var entry)
            ? language == Language.Vi ? entry.Vi : entry.En
            : throw new KeyNotFoundException($"Text {key} is missing from TextTable: add its English and Vietnamese text.");

    private static (TextKey Key, string En, string Vi) T(TextKey key, string en, string vi) => (key, en, vi);
}
