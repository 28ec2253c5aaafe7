using LiteDB;

namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>
/// Query predicates with the value as a parameter. LiteDB's own <c>Query.EQ/Between/GTE/LTE</c> write the value
/// into the expression text, so every distinct value (each device id, each time bound) is parsed and compiled
/// again and kept in LiteDB's expression cache for good: measured with 10,000 gateways, the birth-time lookups
/// (pending commands, firmware to re-send) spent over a core compiling. Here the text is fixed per field and
/// operator, compiled once; indexes are used as before.
/// </summary>
internal static class LiteQuery
{
    public static BsonExpression EQ(string field, BsonValue value) => BsonExpression.Create($"{field} = @0", value);

    public static BsonExpression GTE(string field, BsonValue value) => BsonExpression.Create($"{field} >= @0", value);

    public static BsonExpression LTE(string field, BsonValue value) => BsonExpression.Create($"{field} <= @0", value);

    public static BsonExpression Between(string field, BsonValue low, BsonValue high) =>
        BsonExpression.Create($"{field} BETWEEN @0 AND @1", low, high);
}
