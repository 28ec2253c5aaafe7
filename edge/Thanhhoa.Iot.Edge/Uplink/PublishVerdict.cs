namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>What a PUBACK means for the rows of a batch.</summary>
internal enum PublishVerdict
{
    /// <summary>The broker took it: the rows may leave the outbox.</summary>
    Delivered,

    /// <summary>0x99 payload format invalid: the cloud will never accept it; drop it so the queue moves.</summary>
    Rejected,

    /// <summary>Anything else (quota, not authorised, server busy): keep the rows and try again later.</summary>
    Retry,
}
