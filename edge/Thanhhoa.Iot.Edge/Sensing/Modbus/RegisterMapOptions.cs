namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>A register map written in the profile (<c>Site:RegisterMaps:{name}</c>).</summary>
public sealed class RegisterMapOptions
{
    /// <summary><c>bigEndian</c> or <c>littleEndian</c>.</summary>
    public string ByteOrder { get; set; } = "bigEndian";

    /// <summary><c>highFirst</c> or <c>lowFirst</c>.</summary>
    public string WordOrder { get; set; } = "highFirst";

    public Dictionary<string, RegisterEntryOptions> Registers { get; set; } = new(StringComparer.Ordinal);

    public RegisterMap ToMap(string name) => new(
        name,
        Enum.Parse<ByteOrder>(ByteOrder, ignoreCase: true),
        Enum.Parse<WordOrder>(WordOrder, ignoreCase: true),
        Registers.ToDictionary(r => r.Key, r => r.Value.ToEntry(r.Key), StringComparer.Ordinal));
}
