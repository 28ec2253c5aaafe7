using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>The built-in register maps plus those the profile declares (a declared map overrides a built-in one of the same name).</summary>
public static class RegisterMapCatalog
{
    public static IReadOnlyDictionary<string, RegisterMap> Build(IReadOnlyDictionary<string, RegisterMapOptions> configured, ProfileErrors? errors = null)
    {
        var maps = new Dictionary<string, RegisterMap>(StringComparer.Ordinal) { [RegisterMap.EastronSdm.Name] = RegisterMap.EastronSdm };
        foreach (var (name, options) in configured)
        {
            if (IsValid(name, options, errors))
            {
                maps[name] = options.ToMap(name);
            }
        }

        return maps;
    }

    private static bool IsValid(string name, RegisterMapOptions options, ProfileErrors? errors)
    {
        var where = $"register map '{name}'";
        var ok = Check(Enum.TryParse<ByteOrder>(options.ByteOrder, true, out _), $"{where}: byteOrder '{options.ByteOrder}' is not bigEndian or littleEndian", errors);
        ok &= Check(Enum.TryParse<WordOrder>(options.WordOrder, true, out _), $"{where}: wordOrder '{options.WordOrder}' is not highFirst or lowFirst", errors);
        foreach (var (entry, register) in options.Registers)
        {
            var at = $"{where}, register '{entry}'";
            ok &= Check(register.Address is >= 0 and <= 0xFFFF, $"{at}: address '{register.Address}' must be 0..65535", errors);
            ok &= Check(Enum.TryParse<RegisterTable>(register.Table, true, out _), $"{at}: table '{register.Table}' is not input or holding", errors);
            ok &= Check(Enum.TryParse<RegisterDataType>(register.Type, true, out _), $"{at}: type '{register.Type}' is not uint16, int16, uint32, int32 or float32", errors);
            ok &= Check(double.IsFinite(register.Scale) && register.Scale != 0, $"{at}: scale '{register.Scale}' must be a non-zero number", errors);
        }

        return ok;
    }

    private static bool Check(bool condition, string error, ProfileErrors? errors)
    {
        if (!condition)
        {
            errors?.Add(error);
        }

        return condition;
    }
}
