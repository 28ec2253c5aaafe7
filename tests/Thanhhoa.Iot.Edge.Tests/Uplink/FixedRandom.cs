namespace Thanhhoa.Iot.Edge.Tests.Uplink;

/// <summary>TEST DOUBLE: a Random whose NextDouble returns the given values in turn (the last one repeats).</summary>
public sealed class FixedRandom(params double[] values) : Random
{
    private int _next;

    public override double NextDouble() => values[Math.Min(_next++, values.Length - 1)];

    protected override double Sample() => NextDouble();
}
