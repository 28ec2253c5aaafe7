using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>A rollout step ended the rollout: <see cref="State"/> is failed or refused, the message is the report's reason.</summary>
public sealed class FirmwareStepException : Exception
{
    public FirmwareStepException(FirmwareState state, string reason)
        : base(reason) => State = state;

    public FirmwareStepException(FirmwareState state, string reason, Exception inner)
        : base(reason, inner) => State = state;

    public FirmwareStepException()
        : this(FirmwareState.Failed, "unspecified")
    {
    }

    public FirmwareStepException(string message)
        : this(FirmwareState.Failed, message)
    {
    }

    public FirmwareStepException(string message, Exception innerException)
        : this(FirmwareState.Failed, message, innerException)
    {
    }

    public FirmwareState State { get; }
}
