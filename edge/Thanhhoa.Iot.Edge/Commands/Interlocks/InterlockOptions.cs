namespace Thanhhoa.Iot.Edge.Commands.Interlocks;

/// <summary>
/// One entry of <c>Site:Interlocks</c>: <c>set-output</c> of <see cref="Output"/> to <see cref="When"/> is
/// refused while channel <see cref="Channel"/> reads <see cref="RefuseIf"/> <see cref="Value"/>, e.g.
/// "generator start relay refused while mains present": output gen_start, when on, channel mains,
/// refuseIf above, value 0.5. A channel that cannot be read refuses too (fail safe).
/// </summary>
public sealed class InterlockOptions
{
    /// <summary>A gpio-out channel of the profile.</summary>
    public string Output { get; set; } = string.Empty;

    /// <summary><c>on</c>, <c>off</c> or <c>any</c>: which requested state the interlock guards.</summary>
    public string When { get; set; } = "on";

    /// <summary>An input channel of the profile, read fresh when the command runs.</summary>
    public string Channel { get; set; } = string.Empty;

    /// <summary><c>above</c>, <c>below</c> or <c>equal</c>.</summary>
    public string RefuseIf { get; set; } = "above";

    public double Value { get; set; }

    /// <summary>What the operator reads in the failed result, e.g. "generator start refused while mains present".</summary>
    public string Reason { get; set; } = string.Empty;
}
