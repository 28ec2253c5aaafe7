namespace Thanhhoa.Iot.Edge.Sensing.Gpio;

/// <summary>
/// An output of the site (a relay: generator start, fan, siren). Declared in the profile; driven only
/// by commands (the command path comes later), never by the sensing code.
/// </summary>
public interface IOutputChannel
{
    string Id { get; }

    /// <summary>The state last written (false until written: outputs start released).</summary>
    bool IsOn { get; }

    ValueTask SetAsync(bool on, CancellationToken cancellationToken);
}
