using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>
/// The version running now: the trial version while <c>current</c> points at the trial slot, else the
/// committed version; before the first rollout, <paramref name="fallback"/> (Gateway:Firmware or the build's version).
/// </summary>
public sealed class RunningFirmware(SlotStateStore store, ISlotSwitcher switcher, string fallback) : IFirmwareIdentity
{
    public string Version
    {
        get
        {
            var state = store.Load();
            if (state is null)
            {
                return fallback;
            }

            return state.Trial is not null && switcher.CurrentSlot == state.Trial ? state.TrialVersion! : state.CommittedVersion;
        }
    }
}
