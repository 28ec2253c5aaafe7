using LiteDB;

namespace Thanhhoa.Iot.Cloud.Security;

/// <summary>Times in the security collections are UTC ticks, as in the rest of the cloud's LiteDB.</summary>
internal static class LiteFields
{
    public static DateTimeOffset Read(BsonValue value) => new(value.AsInt64, TimeSpan.Zero);

    public static DateTimeOffset? ReadOptional(BsonValue value) => value.IsNull ? null : Read(value);

    public static BsonValue Write(DateTimeOffset value) => value.UtcTicks;

    public static BsonValue Write(DateTimeOffset? value) => value is { } v ? v.UtcTicks : BsonValue.Null;

    public static BsonValue Text(string? value) => value is null ? BsonValue.Null : value;

    public static string? ReadText(BsonValue value) => value.IsNull ? null : value.AsString;
}
