namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>Sensor noise in [-1, 1] that depends on seed, signal and the second only (not on how often it is read).</summary>
internal static class SiteNoise
{
    /// <summary>
    /// A well-mixed seed for <see cref="Random"/>: seeded with 1, 2, 3... directly, its first draw
    /// follows the seed in a sawtooth (0.25, 0.77, 0.29, 0.82, 0.34...), so a fleet's sites (seed =
    /// index) would get their aged batteries and first outages in runs of neighbouring indices.
    /// </summary>
    public static int Scramble(int seed) => (int)(Mix((ulong)seed) >> 33);

    public static double At(int seed, int salt, DateTimeOffset at)
    {
        var x = Mix(unchecked(((ulong)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)salt * 0xBF58476D1CE4E5B9UL) ^ (ulong)at.ToUnixTimeSeconds()));
        return ((x >> 11) * (1.0 / (1UL << 53)) * 2) - 1;
    }

    /// <summary>The SplitMix64 finaliser.</summary>
    private static ulong Mix(ulong x)
    {
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        return x ^ (x >> 31);
    }
}
