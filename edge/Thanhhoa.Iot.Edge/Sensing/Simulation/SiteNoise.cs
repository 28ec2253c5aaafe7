namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>Sensor noise in [-1, 1] that depends on seed, signal and the second only (not on how often it is read).</summary>
internal static class SiteNoise
{
    public static double At(int seed, int salt, DateTimeOffset at)
    {
        var x = unchecked(((ulong)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)salt * 0xBF58476D1CE4E5B9UL) ^ (ulong)at.ToUnixTimeSeconds());
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return ((x >> 11) * (1.0 / (1UL << 53)) * 2) - 1;
    }
}
