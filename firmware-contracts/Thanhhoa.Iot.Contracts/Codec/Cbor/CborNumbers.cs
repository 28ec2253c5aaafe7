using System.Formats.Cbor;
using System.Globalization;

namespace Thanhhoa.Iot.Contracts.Codec.Cbor;

/// <summary>
/// Writes a double in the smallest CBOR form that gives back exactly the same double: an integer when
/// integral; a half, single or double float; or a decimal fraction (tag 4, [exponent, mantissa]) of the
/// shortest round-trip digits, which turns a sensor value such as 53.6 into 6 bytes instead of 9.
/// </summary>
internal static class CborNumbers
{
    private const double TwoTo63 = 9223372036854775808.0;

    // 10^0 .. 10^22: every one exactly representable as a double.
    private static readonly double[] ExactPowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    public static void Write(CborWriter writer, double value)
    {
        var intSize = IsInt64(value) ? IntSize((long)value) : int.MaxValue;
        var floatSize = FloatSize(value);

        // A decimal fraction takes at least 4 bytes, so only look for one when the others take more.
        var (mantissa, exponent, decimalSize) = Math.Min(intSize, floatSize) > 4 ? Decimal(value) : (0, 0, int.MaxValue);
        if (intSize <= floatSize && intSize <= decimalSize)
        {
            writer.WriteInt64((long)value);
        }
        else if (floatSize <= decimalSize)
        {
            writer.WriteDouble(value); // the writer itself picks half or single when exact
        }
        else
        {
            writer.WriteTag(CborTag.DecimalFraction);
            writer.WriteStartArray(2);
            writer.WriteInt64(exponent);
            writer.WriteInt64(mantissa);
            writer.WriteEndArray();
        }
    }

    /// <summary>Reads any numeric form: integer, half/single/double float, or tag 4 decimal fraction.</summary>
    /// <exception cref="InvalidOperationException">The next item is not a number.</exception>
    public static double Read(CborReader reader)
    {
        switch (reader.PeekState())
        {
            case CborReaderState.UnsignedInteger:
                return reader.ReadUInt64();
            case CborReaderState.NegativeInteger:
                return reader.ReadInt64();
            case CborReaderState.HalfPrecisionFloat:
            case CborReaderState.SinglePrecisionFloat:
            case CborReaderState.DoublePrecisionFloat:
                return reader.ReadDouble();
            case CborReaderState.Tag when reader.PeekTag() == CborTag.DecimalFraction:
                return ReadDecimal(reader);
            default:
                throw new InvalidOperationException("expected a number: integer, float or decimal fraction (tag 4)");
        }
    }

    /// <summary>Encoded size of a CBOR integer.</summary>
    public static int IntSize(long value)
    {
        var magnitude = value < 0 ? (ulong)(-(value + 1)) : (ulong)value;
        return magnitude switch
        {
            < 24 => 1,
            <= byte.MaxValue => 2,
            <= ushort.MaxValue => 3,
            <= uint.MaxValue => 5,
            _ => 9,
        };
    }

    private static double ReadDecimal(CborReader reader)
    {
        reader.ReadTag();
        if (reader.ReadStartArray() is not 2)
        {
            throw new InvalidOperationException("a decimal fraction is [exponent, mantissa]");
        }

        var exponent = reader.ReadInt32();
        var mantissa = reader.ReadInt64();
        reader.ReadEndArray();

        // Both operands exact and one IEEE operation: correctly rounded, so exactly the double that was
        // written. Outside that range a correctly rounding parser does the same, more slowly.
        if (exponent is >= -22 and <= 22 && Math.Abs(mantissa) < (1L << 53))
        {
            return exponent < 0 ? mantissa / ExactPowersOfTen[-exponent] : mantissa * ExactPowersOfTen[exponent];
        }

        return double.Parse($"{mantissa}E{exponent}", NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static bool IsInt64(double value) =>
        value == Math.Floor(value) && value is >= -TwoTo63 and < TwoTo63 && !(value == 0 && double.IsNegative(value));

    private static int FloatSize(double value)
    {
        if ((double)(Half)value == value)
        {
            return 3;
        }

        return (double)(float)value == value ? 5 : 9;
    }

    private static (long Mantissa, int Exponent, int Size) Decimal(double value)
    {
        if (value == 0)
        {
            return (0, 0, int.MaxValue);
        }

        // "R" gives the shortest digits that round-trip: 53.6, 1E-07, 1.7976931348623157E+308.
        Span<char> text = stackalloc char[32];
        value.TryFormat(text, out var written, "R", CultureInfo.InvariantCulture);
        text = text[..written];
        var e = text.IndexOf('E');
        var exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        long mantissa = 0;
        var fractionDigits = 0;
        var inFraction = false;
        foreach (var c in e < 0 ? text : text[..e])
        {
            if (c == '.')
            {
                inFraction = true;
            }
            else if (c != '-')
            {
                mantissa = (mantissa * 10) + (c - '0');
                fractionDigits += inFraction ? 1 : 0;
            }
        }

        mantissa = value < 0 ? -mantissa : mantissa;
        exponent -= fractionDigits;
        while (mantissa != 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            exponent++;
        }

        return (mantissa, exponent, 2 + IntSize(exponent) + IntSize(mantissa));
    }
}
