namespace Thanhhoa.Iot.Edge.Timekeeping;

/// <summary>
/// Names the current boot, so a stored monotonic time can be told apart from one of an earlier boot
/// (the monotonic clock restarts at every kernel boot, so only times of the same boot can be compared).
/// </summary>
public interface IBootIdentity
{
    /// <summary>The boot's id, e.g. the kernel's <c>/proc/sys/kernel/random/boot_id</c>.</summary>
    string BootId { get; }
}
