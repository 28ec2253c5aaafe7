using System.Data.Common;

namespace Thanhhoa.Iot.Cloud.Security.Postgres;

/// <summary>Nullable column reads for the security stores.</summary>
internal static class PgRead
{
    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset Time(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static DateTimeOffset? OptionalTime(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static object Value(string? text) => text is null ? DBNull.Value : text;

    public static object Value(DateTimeOffset? at) => at is { } t ? t.UtcDateTime : DBNull.Value;
}
