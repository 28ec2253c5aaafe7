namespace Thanhhoa.Iot.LoadHarness.Wire;

/// <summary>
/// The broker's answer to a CONNECT, PUBLISH or SUBSCRIBE: its reason code (below 0x80 is success, MQTT 5
/// section 2.4) and the user properties it attached (the cloud's drain hint travels as one).
/// </summary>
internal sealed record BrokerReply(byte ReasonCode, IReadOnlyList<KeyValuePair<string, string>> UserProperties)
{
    public bool IsSuccess => ReasonCode < 0x80;

    public string? UserProperty(string name) => UserProperties.FirstOrDefault(p => p.Key == name).Value;
}
