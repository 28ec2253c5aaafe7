namespace Thanhhoa.Iot.TestSupport;

/// <summary>Finds the repository root (the folder holding Thanhhoa.Iot.sln) and built outputs in it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    /// <summary>Configuration the tests were built in (Debug or Release), read from the test's own output path.</summary>
    public static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    /// <summary>The built dll of a project, e.g. <c>BuiltDll("edge/Thanhhoa.Iot.Gateway", "thgw")</c>.</summary>
    public static string BuiltDll(string projectFolder, string assemblyName)
    {
        var path = Path.Combine(Root, projectFolder, "bin", Configuration, "net10.0", assemblyName + ".dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"'{path}' is missing: build the solution in {Configuration} first (scripts/test.sh does).", path);
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Thanhhoa.Iot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Thanhhoa.Iot.sln above '{AppContext.BaseDirectory}'.");
    }
}
