using System.Text.Json;
using System.Text.Json.Serialization;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.TestSupport.Vectors;

/// <summary>
/// Loads the golden vectors of <c>firmware-contracts/vectors/</c> for any test project. The repository
/// is found by walking up from the test's base directory to <c>Thanhhoa.Iot.sln</c>
/// (<see cref="RepoPaths.Root"/>), so nothing needs copying into the output folder.
/// </summary>
public static class GoldenVectors
{
    private static readonly Lazy<IReadOnlyList<GoldenVector>> Loaded = new(Load);

    /// <summary>The repository root (the folder holding <c>Thanhhoa.Iot.sln</c>).</summary>
    public static string RepositoryRoot => RepoPaths.Root;

    /// <summary><c>firmware-contracts/vectors</c>.</summary>
    public static string VectorsDirectory => Path.Combine(RepositoryRoot, "firmware-contracts", "vectors");

    /// <summary><c>firmware-contracts/schemas</c>.</summary>
    public static string SchemasDirectory => Path.Combine(RepositoryRoot, "firmware-contracts", "schemas");

    /// <summary><c>firmware-contracts/vectors/manifest.json</c>.</summary>
    public static string ManifestPath => Path.Combine(VectorsDirectory, "manifest.json");

    /// <summary>Every vector of the manifest, in manifest order.</summary>
    public static IReadOnlyList<GoldenVector> All() => Loaded.Value;

    /// <summary>Vectors a receiver must accept, optionally only those of one content type.</summary>
    public static IEnumerable<GoldenVector> Valid(string? contentType = null) =>
        All().Where(v => v.Valid && (contentType is null || v.ContentType == contentType));

    /// <summary>Vectors a receiver must refuse, optionally only those of one content type.</summary>
    public static IEnumerable<GoldenVector> Invalid(string? contentType = null) =>
        All().Where(v => !v.Valid && (contentType is null || v.ContentType == contentType));

    private static IReadOnlyList<GoldenVector> Load()
    {
        var path = ManifestPath;
        var manifest = JsonSerializer.Deserialize<ManifestFile>(File.ReadAllBytes(path), ManifestOptions)
            ?? throw new InvalidDataException($"'{path}' is JSON null; expected the vector manifest object.");
        return manifest.Vectors.Select(ToVector).ToArray();
    }

    private static GoldenVector ToVector(ManifestEntry e)
    {
        if (e.Valid == (e.Reason is not null) || e.Valid == (e.Field is not null))
        {
            throw new InvalidDataException(
                $"Manifest entry '{e.File}': a valid vector has no reason/field and an invalid one has both.");
        }

        return new GoldenVector
        {
            File = e.File,
            Message = e.Message,
            Topic = e.Topic,
            ContentType = e.ContentType,
            Valid = e.Valid,
            Reason = e.Reason,
            Field = e.Field,
            SchemaRejects = e.SchemaRejects,
            SameAs = e.SameAs,
            Description = e.Description,
            FullPath = Path.Combine(VectorsDirectory, e.File.Replace('/', Path.DirectorySeparatorChar)),
        };
    }

    private static readonly JsonSerializerOptions ManifestOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    private sealed record ManifestFile(int ContractVersion, string Description, IReadOnlyList<ManifestEntry> Vectors);

    private sealed record ManifestEntry(
        string File,
        TopicKind Message,
        string Topic,
        string ContentType,
        bool Valid,
        string Description,
        RejectReason? Reason = null,
        string? Field = null,
        bool? SchemaRejects = null,
        string? SameAs = null);
}
