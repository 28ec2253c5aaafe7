using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.FileProviders;

namespace Thanhhoa.Iot.Cloud.Sites;

/// <summary>
/// Thanh Hóa's districts with their polygons and communes, read from the map data the page shows
/// (<c>data/</c> in the web root, see its ATTRIBUTION.txt). The polygons predate 2025; the GSO list of
/// 01/03/2025 has Huyện Đông Sơn (405) merged into Thành phố Thanh Hóa (380), so its polygon joins 380's.
/// </summary>
public sealed class ProvinceMap
{
    public const string DistrictsFile = "data/thanh_hoa_districts_dvhcvn.geojson";
    public const string UnitsFile = "data/thanh_hoa_units_gso.csv";

    /// <summary>Districts whose polygon is in the map data but which GSO has merged into another.</summary>
    public static readonly IReadOnlyDictionary<string, string> MergedInto = new Dictionary<string, string> { ["405"] = "380" };

    private ProvinceMap(IReadOnlyList<District> districts) => Districts = districts;

    public IReadOnlyList<District> Districts { get; }

    public static ProvinceMap Load(IFileProvider webRoot)
    {
        ArgumentNullException.ThrowIfNull(webRoot);
        var polygons = ReadPolygons(Read(webRoot, DistrictsFile));
        var units = ReadUnits(Read(webRoot, UnitsFile));
        foreach (var (merged, into) in MergedInto)
        {
            if (polygons.Remove(merged, out var area) && polygons.TryGetValue(into, out var target))
            {
                polygons[into] = target.Union(area);
            }
        }

        var districts = units.Where(u => u.Level == 2 && polygons.ContainsKey(u.Code))
            .Select(d => new District(d.Code, d.Name, polygons[d.Code],
                units.Where(c => c.Level == 3 && c.Parent == d.Code).Select(c => new AdminUnit(c.Code, c.Name)).ToList()))
            .ToList();
        return new ProvinceMap(districts);
    }

    /// <summary>The district whose polygon holds the point, or null outside the province.</summary>
    public District? Locate(double lat, double lon) => Districts.FirstOrDefault(d => d.Area.Contains(lat, lon));

    public District? Find(string code) => Districts.FirstOrDefault(d => d.Code == code);

    private static string Read(IFileProvider webRoot, string path)
    {
        var file = webRoot.GetFileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"Map data '{path}' is missing from the cloud's web root; rebuild the cloud (the file ships in wwwroot/{path}).", path);
        }

        using var reader = new StreamReader(file.CreateReadStream());
        return reader.ReadToEnd();
    }

    private static Dictionary<string, GeoPolygon> ReadPolygons(string geoJson)
    {
        using var doc = JsonDocument.Parse(geoJson);
        var result = new Dictionary<string, GeoPolygon>(StringComparer.Ordinal);
        foreach (var feature in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var props = feature.GetProperty("properties");
            if (props.GetProperty("level").GetInt32() != 2)
            {
                continue;
            }

            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "Polygon"
                ? [geometry.GetProperty("coordinates")]
                : geometry.GetProperty("coordinates").EnumerateArray().ToList();
            var rings = polygons.SelectMany(p => p.EnumerateArray())
                .Select(ring => ring.EnumerateArray().Select(pt => (pt[0].GetDouble(), pt[1].GetDouble())).ToArray())
                .ToList();
            result[props.GetProperty("gso_code").GetString()!] = new GeoPolygon(rings);
        }

        return result;
    }

    private static List<(int Level, string Code, string Parent, string Name)> ReadUnits(string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(line => line.Split(','))
            .Where(f => f.Length >= 5)
            .Select(f => (int.Parse(f[0], CultureInfo.InvariantCulture), f[1], f[2], f[4]))
            .ToList();
}
