namespace Thanhhoa.Iot.Edge.Diagnostics.Text;

/// <summary>
/// Picks the language of the technician's tools: <c>--lang vi|en</c> when given, else the POSIX
/// locale (LC_ALL, then LC_MESSAGES, then LANG): Vietnamese when it starts with "vi", else English.
/// </summary>
public static class LanguageChoice
{
    public static bool TryParse(string? text, out Language language)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "VI":
                language = Language.Vi;
                return true;
            case "EN":
                language = Language.En;
                return true;
            default:
                language = Language.En;
                return false;
        }
    }

    /// <summary>The language the locale variables ask for (the first one set wins, as in POSIX).</summary>
    public static Language FromEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        foreach (var name in new[] { "LC_ALL", "LC_MESSAGES", "LANG" })
        {
            var value = variable(name);
            if (!string.IsNullOrEmpty(value))
            {
                return value.StartsWith("vi", StringComparison.OrdinalIgnoreCase) ? Language.Vi : Language.En;
            }
        }

        return Language.En;
    }

    /// <summary>The value after <c>--lang</c> (or <c>--lang=</c>) in raw arguments, if any; used before parsing so help text is localized too.</summary>
    public static string? FindInArguments(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--lang" && i + 1 < args.Count)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith("--lang=", StringComparison.Ordinal))
            {
                return args[i]["--lang=".Length..];
            }
        }

        return null;
    }
}
