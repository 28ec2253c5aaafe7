namespace Thanhhoa.Iot.Contracts.Firmware;

/// <summary>A bundle failed verification: <see cref="Refusal"/> says how; the message reads <c>{code}: {detail}</c>.</summary>
public sealed class BundleRefusedException : Exception
{
    /// <summary>Creates the error.</summary>
    public BundleRefusedException(BundleRefusal refusal, string detail)
        : base($"{BundleRefusals.CodeOf(refusal)}: {detail}")
    {
        Refusal = refusal;
        Detail = detail;
    }

    /// <summary>Creates the error.</summary>
    public BundleRefusedException()
        : this(BundleRefusal.Malformed, "unspecified")
    {
    }

    /// <summary>Creates the error.</summary>
    public BundleRefusedException(string message)
        : this(BundleRefusal.Malformed, message)
    {
    }

    /// <summary>Creates the error.</summary>
    public BundleRefusedException(string message, Exception innerException)
        : base($"{BundleRefusals.CodeOf(BundleRefusal.Malformed)}: {message}", innerException)
    {
        Refusal = BundleRefusal.Malformed;
        Detail = message;
    }

    /// <summary>How the bundle failed.</summary>
    public BundleRefusal Refusal { get; }

    /// <summary>What a person should know, naming the file, the value and what to do.</summary>
    public string Detail { get; }
}
