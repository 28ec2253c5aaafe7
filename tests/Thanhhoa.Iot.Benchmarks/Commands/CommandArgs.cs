using System.Globalization;

namespace Thanhhoa.Iot.Benchmarks.Commands;

/// <summary>Reads <c>--name value</c> pairs of the bench commands.</summary>
internal static class CommandArgs
{
    public static int Int(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
