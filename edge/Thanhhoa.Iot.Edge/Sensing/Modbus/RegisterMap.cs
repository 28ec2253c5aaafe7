namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>A device model's registers as data, with the byte and word order its values use.</summary>
public sealed record RegisterMap(string Name, ByteOrder ByteOrder, WordOrder WordOrder, IReadOnlyDictionary<string, RegisterMapEntry> Entries)
{
    /// <summary>
    /// Eastron SDM120 / SDM630 (phase 1) input registers, IEEE-754 float32, high word first,
    /// big-endian bytes, per the Eastron Modbus protocol sheets.
    /// </summary>
    public static RegisterMap EastronSdm { get; } = new(
        "eastron-sdm",
        ByteOrder.BigEndian,
        WordOrder.HighFirst,
        new Dictionary<string, RegisterMapEntry>(StringComparer.Ordinal)
        {
            ["voltage"] = new("voltage", 0x0000, RegisterTable.Input, RegisterDataType.Float32),
            ["current"] = new("current", 0x0006, RegisterTable.Input, RegisterDataType.Float32),
            ["activePower"] = new("activePower", 0x000C, RegisterTable.Input, RegisterDataType.Float32),
            ["frequency"] = new("frequency", 0x0046, RegisterTable.Input, RegisterDataType.Float32),
            ["importActiveEnergy"] = new("importActiveEnergy", 0x0048, RegisterTable.Input, RegisterDataType.Float32),
        });
}
