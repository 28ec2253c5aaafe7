namespace Thanhhoa.Iot.Cloud.Sites;

/// <summary>
/// A (multi)polygon in longitude/latitude, as rings of points. <see cref="Contains"/> uses the even-odd
/// ray-casting rule over all rings, so holes are excluded; at district scale a flat plane is exact enough.
/// </summary>
public sealed class GeoPolygon
{
    private readonly IReadOnlyList<(double Lon, double Lat)[]> _rings;

    public GeoPolygon(IReadOnlyList<(double Lon, double Lat)[]> rings)
    {
        ArgumentNullException.ThrowIfNull(rings);
        _rings = rings;
        var points = rings.SelectMany(r => r).ToList();
        MinLon = points.Min(p => p.Lon);
        MaxLon = points.Max(p => p.Lon);
        MinLat = points.Min(p => p.Lat);
        MaxLat = points.Max(p => p.Lat);
    }

    public double MinLon { get; }

    public double MaxLon { get; }

    public double MinLat { get; }

    public double MaxLat { get; }

    public bool Contains(double lat, double lon)
    {
        if (lon < MinLon || lon > MaxLon || lat < MinLat || lat > MaxLat)
        {
            return false;
        }

        var inside = false;
        foreach (var ring in _rings)
        {
            for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
            {
                var (xi, yi) = ring[i];
                var (xj, yj) = ring[j];
                if ((yi > lat) != (yj > lat) && lon < ((xj - xi) * (lat - yi) / (yj - yi)) + xi)
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    /// <summary>Joins polygons into one (e.g. a district merged into another).</summary>
    public GeoPolygon Union(GeoPolygon other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new GeoPolygon(_rings.Concat(other._rings).ToList());
    }
}
