namespace Thanhhoa.Iot.Edge.Provisioning;

/// <summary>Provisioning failed for <see cref="Failure"/>; <see cref="Exception.Message"/> is the cloud's or the system's explanation.</summary>
public sealed class ProvisioningException : Exception
{
    public ProvisioningException(ProvisioningFailure failure, string message, Exception? inner = null)
        : base(message, inner) => Failure = failure;

    public ProvisioningException()
    {
    }

    public ProvisioningException(string message)
        : base(message)
    {
    }

    public ProvisioningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProvisioningFailure Failure { get; }
}
