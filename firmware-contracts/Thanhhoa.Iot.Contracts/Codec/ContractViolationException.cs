namespace Thanhhoa.Iot.Contracts.Codec;

/// <summary>A message broke the contract: <see cref="Reason"/> says how, <see cref="Field"/> where.</summary>
public sealed class ContractViolationException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="reason">How the contract was broken.</param>
    /// <param name="field">JSON path of the offending field, e.g. <c>$.readings[3].val</c>; <c>$</c> for the whole message.</param>
    /// <param name="detail">What a person should know to fix the sender.</param>
    public ContractViolationException(RejectReason reason, string field, string detail)
        : base($"{reason} at {field}: {detail}")
    {
        Reason = reason;
        Field = field;
        Detail = detail;
    }

    /// <summary>Creates the error.</summary>
    public ContractViolationException()
        : this(RejectReason.Malformed, "$", "unspecified")
    {
    }

    /// <summary>Creates the error.</summary>
    public ContractViolationException(string message)
        : this(RejectReason.Malformed, "$", message)
    {
    }

    /// <summary>Creates the error.</summary>
    public ContractViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = RejectReason.Malformed;
        Field = "$";
        Detail = message;
    }

    /// <summary>How the contract was broken.</summary>
    public RejectReason Reason { get; }

    /// <summary>JSON path of the offending field.</summary>
    public string Field { get; }

    /// <summary>What a person should know to fix the sender.</summary>
    public string Detail { get; }
}
