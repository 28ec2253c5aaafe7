using System.Reflection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>
/// The dashboard's files (page, bundled scripts and styles, map data) embedded in the cloud assembly under
/// <c>wwwroot/…</c>, so the page is served by the cloud alone, offline, wherever and however it is started.
/// </summary>
public sealed class EmbeddedWebRoot : IFileProvider
{
    private const string Prefix = "wwwroot/";
    private readonly Assembly _assembly;
    private readonly HashSet<string> _names;
    private readonly DateTimeOffset _built;

    public EmbeddedWebRoot(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        _assembly = assembly;
        _names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        _built = string.IsNullOrEmpty(assembly.Location) ? DateTimeOffset.UnixEpoch : File.GetLastWriteTimeUtc(assembly.Location);
    }

    public IFileInfo GetFileInfo(string subpath)
    {
        var name = Prefix + subpath.TrimStart('/').Replace('\\', '/');
        return _names.Contains(name) ? new Resource(_assembly, name, _built) : new NotFoundFileInfo(subpath);
    }

    /// <summary>The files directly in a folder (what the default-file middleware needs to find index.html).</summary>
    public IDirectoryContents GetDirectoryContents(string subpath)
    {
        var folder = Prefix + subpath.Trim('/').Replace('\\', '/');
        folder = folder.EndsWith('/') ? folder : folder + "/";
        var files = _names.Where(n => n.StartsWith(folder, StringComparison.Ordinal) && n.IndexOf('/', folder.Length) < 0)
            .Select(n => (IFileInfo)new Resource(_assembly, n, _built))
            .ToList();
        return files.Count > 0 ? new Folder(files) : NotFoundDirectoryContents.Singleton;
    }

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class Folder(List<IFileInfo> files) : IDirectoryContents
    {
        public bool Exists => true;

        public IEnumerator<IFileInfo> GetEnumerator() => files.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class Resource(Assembly assembly, string name, DateTimeOffset built) : IFileInfo
    {
        public bool Exists => true;

        public long Length
        {
            get
            {
                using var stream = CreateReadStream();
                return stream.Length;
            }
        }

        public string? PhysicalPath => null;

        public string Name => Path.GetFileName(name);

        public DateTimeOffset LastModified => built;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"Embedded web file '{name}' vanished from {assembly.GetName().Name}.");
    }
}
