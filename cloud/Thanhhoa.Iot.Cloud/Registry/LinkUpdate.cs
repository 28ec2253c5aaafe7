using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Registry;

/// <summary>A birth, a death (last will or goodbye), or a broker-observed disconnect of one session.</summary>
public sealed record LinkUpdate(LinkState State, long Session, DateTimeOffset At, string? Reason = null, string? Firmware = null, string? Site = null);
