using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>Who the uplink speaks for, and the <c>up/state</c> messages it says that with.</summary>
internal sealed record UplinkIdentity(string DeviceId, string? Site, string? Firmware)
{
    public string StateTopic => DeviceTopics.For(DeviceId, TopicKind.State);

    public string DownFilter => DeviceTopics.DownFilter(DeviceId);

    public byte[] Birth(long session, DateTimeOffset now) => State(LinkState.Online, session, now, null);

    /// <summary>The last will: stamped when the session begins, since the broker sends it later unchanged.</summary>
    public byte[] Will(long session, DateTimeOffset sessionStart) => State(LinkState.Offline, session, sessionStart, "lost");

    public byte[] Goodbye(long session, DateTimeOffset now) => State(LinkState.Offline, session, now, "shutdown");

    private byte[] State(LinkState state, long session, DateTimeOffset at, string? reason) => JsonCodec.Encode(new StateMessage
    {
        Version = ContractInfo.Version,
        State = state,
        Session = session,
        Timestamp = at,
        Firmware = Firmware,
        Site = Site,
        Reason = reason,
    });
}
