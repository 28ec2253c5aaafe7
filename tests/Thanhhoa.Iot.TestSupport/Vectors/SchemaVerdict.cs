namespace Thanhhoa.Iot.TestSupport.Vectors;

/// <summary>Outcome of a JSON Schema validation.</summary>
/// <param name="IsValid">True when the payload satisfies the schema.</param>
/// <param name="Errors">One line per failed keyword: instance location, keyword, message.</param>
public sealed record SchemaVerdict(bool IsValid, IReadOnlyList<string> Errors)
{
    /// <inheritdoc />
    public override string ToString() => IsValid ? "valid" : string.Join("; ", Errors);
}
