using System.Globalization;

namespace Thanhhoa.Iot.Cloud.Sites;

/// <summary>
/// Makes a realistic demo fleet, reproducibly from a seed: sites spread over the districts in proportion
/// to their communes, each at a random point inside its district's polygon, in one of the district's
/// communes (communes have no polygons in the shipped data, so the commune is drawn from the list).
/// Hamlet stations are more common in the western mountain districts; about one BTS in eight is shared.
/// Site i gets code <c>prefix + i</c> with four digits, as <c>thgw simulate --site-prefix</c> gives gateway i.
/// </summary>
public static class DemoSiteGenerator
{
    private static readonly HashSet<string> Mountain = ["384", "385", "386", "387", "388", "389", "390", "396", "402"];
    private static readonly (string Name, double Weight)[] BtsOperators = [("Viettel", 0.45), ("VNPT", 0.30), ("MobiFone", 0.20), ("Vietnamobile", 0.05)];
    private static readonly string[] HamletSyllables = ["Na", "Chiềng", "Pù", "Khằm", "Mau", "Lũng", "Ché", "Poọng", "Hang", "Sại", "Lìn", "Căm", "Đồng", "Muống", "Kha", "Bâu"];

    public static string CodeFor(string prefix, int index) => $"{prefix}{index:D4}";

    public static IReadOnlyList<Site> Generate(ProvinceMap map, int count, string prefix, int seed)
    {
        ArgumentNullException.ThrowIfNull(map);
        var rng = new Random(seed);
        var districts = map.Districts.Where(d => d.Communes.Count > 0).ToList();
        var weights = districts.Select(d => (double)d.Communes.Count).ToArray();
        var sites = new List<Site>(count);
        for (var i = 1; i <= count; i++)
        {
            var district = districts[Pick(rng, weights)];
            var hamlet = rng.NextDouble() < (Mountain.Contains(district.Code) ? 0.45 : 0.12);
            sites.Add(Make(rng, district, CodeFor(prefix, i), i, hamlet));
        }

        return sites;
    }

    private static Site Make(Random rng, District district, string code, int index, bool hamlet)
    {
        var (lat, lon) = PointIn(rng, district.Area);
        var commune = district.Communes[rng.Next(district.Communes.Count)];
        var place = ShortName(commune.Name);
        var name = hamlet
            ? $"Bản {HamletSyllables[rng.Next(HamletSyllables.Length)]} ({place})"
            : $"BTS {place} {index.ToString("D2", CultureInfo.InvariantCulture)}";
        return new Site
        {
            Code = code,
            Name = name,
            Kind = hamlet ? SiteKind.Hamlet : SiteKind.Bts,
            Operators = Operators(rng, hamlet),
            Latitude = Math.Round(lat, 5),
            Longitude = Math.Round(lon, 5),
            DistrictCode = district.Code,
            DistrictName = district.Name,
            CommuneCode = commune.Code,
            CommuneName = commune.Name,
        };
    }

    private static List<string> Operators(Random rng, bool hamlet)
    {
        var weights = BtsOperators.Select(o => o.Weight).ToArray();
        var operators = new List<string> { BtsOperators[Pick(rng, weights)].Name };
        var shareChance = hamlet ? 0.05 : 0.13;
        while (operators.Count < BtsOperators.Length && rng.NextDouble() < shareChance)
        {
            var other = BtsOperators[Pick(rng, weights)].Name;
            if (!operators.Contains(other))
            {
                operators.Add(other);
            }

            shareChance /= 6;
        }

        return operators;
    }

    /// <summary>Rejection sampling in the bounding box; rounding to 5 decimals (about 1 m) keeps it inside but for a point on the very border.</summary>
    private static (double Lat, double Lon) PointIn(Random rng, GeoPolygon area)
    {
        while (true)
        {
            var lat = Math.Round(area.MinLat + (rng.NextDouble() * (area.MaxLat - area.MinLat)), 5);
            var lon = Math.Round(area.MinLon + (rng.NextDouble() * (area.MaxLon - area.MinLon)), 5);
            if (area.Contains(lat, lon))
            {
                return (lat, lon);
            }
        }
    }

    private static int Pick(Random rng, double[] weights)
    {
        var x = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static string ShortName(string unit)
    {
        foreach (var prefix in new[] { "Thị trấn ", "Phường ", "Xã " })
        {
            if (unit.StartsWith(prefix, StringComparison.Ordinal))
            {
                return unit[prefix.Length..];
            }
        }

        return unit;
    }
}
