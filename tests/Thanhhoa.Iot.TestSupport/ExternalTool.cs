using NUnit.Framework;

namespace Thanhhoa.Iot.TestSupport;

/// <summary>
/// Guards tests that need a real external program. In CI (CI=true) a missing tool fails the test,
/// because .ci/run installs it and its absence is a broken pipeline; on a laptop the test is ignored
/// with a message saying what to install.
/// </summary>
public static class ExternalTool
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the full path of <paramref name="name"/> (an absolute path or a name on PATH).</summary>
    public static string Require(string name, string debianPackage)
    {
        var path = Find(name);
        if (path is not null)
        {
            return path;
        }

        Unavailable($"'{name}' was not found; install the Debian package '{debianPackage}' (scripts/test.sh does this as root).");
        return name; // unreachable: Unavailable always throws
    }

    /// <summary>Fails (CI) or ignores (elsewhere) the current test because a dependency is missing.</summary>
    public static void Unavailable(string message)
    {
        if (InCi)
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
    }

    public static string? Find(string name)
    {
        if (System.IO.Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : null;
        }

        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator)
            .Concat(["/usr/sbin", "/usr/bin", "/sbin"]);
        foreach (var dir in dirs)
        {
            var candidate = System.IO.Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
