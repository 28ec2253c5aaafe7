namespace Thanhhoa.Iot.Edge.Sensing.Fakes;

/// <summary>The factory trimming parameters a BME280 holds in NVM (dig_T1..dig_H6).</summary>
public sealed record Bme280Trimming(
    ushort T1, short T2, short T3,
    ushort P1, short P2, short P3, short P4, short P5, short P6, short P7, short P8, short P9,
    byte H1, short H2, byte H3, short H4, short H5, sbyte H6)
{
    /// <summary>
    /// Temperature and pressure trimming of the worked example in the Bosch BMP280 datasheet
    /// (BST-BMP280-DS001, section 3.12; the BME280 uses the same formulas), with representative
    /// humidity trimming.
    /// </summary>
    public static Bme280Trimming DatasheetExample { get; } = new(
        27504, 26435, -1000,
        36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000,
        75, 362, 0, 313, 50, 30);
}
