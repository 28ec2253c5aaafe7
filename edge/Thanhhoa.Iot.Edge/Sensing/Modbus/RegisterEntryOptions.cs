namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>One register map entry in the profile.</summary>
public sealed class RegisterEntryOptions
{
    public int Address { get; set; }

    /// <summary><c>input</c> or <c>holding</c>.</summary>
    public string Table { get; set; } = "input";

    /// <summary><c>uint16</c>, <c>int16</c>, <c>uint32</c>, <c>int32</c> or <c>float32</c>.</summary>
    public string Type { get; set; } = "float32";

    public double Scale { get; set; } = 1.0;

    public RegisterMapEntry ToEntry(string name) => new(
        name,
        (ushort)Address,
        Enum.Parse<RegisterTable>(Table, ignoreCase: true),
        Enum.Parse<RegisterDataType>(Type, ignoreCase: true),
        Scale);
}
