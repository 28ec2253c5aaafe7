namespace Thanhhoa.Iot.Edge.Commands;

/// <summary>A command handler's way of saying "failed, for this reason": becomes a failed result with <see cref="Error"/>.</summary>
public sealed class CommandRefusedException : Exception
{
    public CommandRefusedException(string error, string message)
        : base(message) => Error = error;

    public CommandRefusedException()
        : this(CommandErrors.Error, "refused")
    {
    }

    public CommandRefusedException(string message)
        : this(CommandErrors.Error, message)
    {
    }

    public CommandRefusedException(string message, Exception innerException)
        : base(message, innerException) => Error = CommandErrors.Error;

    /// <summary>The wire error code (see <see cref="CommandErrors"/>).</summary>
    public string Error { get; }
}
