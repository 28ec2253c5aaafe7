namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>
/// Which A/B slot boots, and the restart into it. Production points the <c>current</c> symlink and asks
/// systemd to restart thgw (whose ExecStart goes through the symlink); tests restart a harness instead.
/// </summary>
public interface ISlotSwitcher
{
    /// <summary>The slot <c>current</c> points at (<c>a</c> or <c>b</c>), or null when it points at none.</summary>
    string? CurrentSlot { get; }

    /// <summary>Points <c>current</c> at <paramref name="slot"/>, atomically (a crash leaves the old or the new target).</summary>
    void Point(string slot);

    /// <summary>Asks for thgw to restart (into whatever <c>current</c> points at); returns once the request is accepted.</summary>
    Task RestartAsync(CancellationToken cancellationToken);
}
