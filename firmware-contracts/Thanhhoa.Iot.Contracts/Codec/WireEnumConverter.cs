using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Contracts.Codec;

/// <summary>
/// Enums travel as their lower-case names only. The stock converter also accepts integers
/// (<c>"q":1</c>), which would let a sender depend on member order; contract v1 refuses them.
/// </summary>
/// <typeparam name="TEnum">The wire enum.</typeparam>
public sealed class WireEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>Creates the converter: names as declared by <see cref="JsonStringEnumMemberNameAttribute"/>, no integers.</summary>
    public WireEnumConverter()
        : base(namingPolicy: null, allowIntegerValues: false)
    {
    }
}
