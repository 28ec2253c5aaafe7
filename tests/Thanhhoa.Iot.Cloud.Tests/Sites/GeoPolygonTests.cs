using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Sites;

namespace Thanhhoa.Iot.Cloud.Tests.Sites;

[TestFixture]
[Category("Unit")]
public sealed class GeoPolygonTests
{
    private static readonly (double, double)[] Square = [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)];
    private static readonly (double, double)[] Hole = [(4, 4), (6, 4), (6, 6), (4, 6), (4, 4)];

    [TestCase(5, 5, true)]
    [TestCase(0.5, 9.5, true)]
    [TestCase(11, 5, false)]
    [TestCase(-0.1, 5, false)]
    public void Contains_Square_InsideOnlyInside(double lat, double lon, bool inside) =>
        Assert.That(new GeoPolygon([Square]).Contains(lat, lon), Is.EqualTo(inside));

    [Test]
    public void Contains_PointInAHole_Outside()
    {
        var withHole = new GeoPolygon([Square, Hole]);

        Assert.That((withHole.Contains(5, 5), withHole.Contains(2, 2)), Is.EqualTo((false, true)));
    }

    [Test]
    public void Union_TwoSquares_ContainsPointsOfBoth()
    {
        var right = new GeoPolygon([[(20, 0), (30, 0), (30, 10), (20, 10), (20, 0)]]);

        var both = new GeoPolygon([Square]).Union(right);

        Assert.That((both.Contains(5, 5), both.Contains(5, 25), both.Contains(5, 15)), Is.EqualTo((true, true, false)));
    }
}
