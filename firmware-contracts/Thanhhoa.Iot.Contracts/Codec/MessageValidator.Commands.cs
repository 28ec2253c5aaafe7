using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Contracts.Codec;

/// <summary>Rules of <c>down/cmd</c> and <c>up/cmd-result</c>.</summary>
public static partial class MessageValidator
{
    /// <summary>Throws <see cref="ContractViolationException"/> unless the command obeys the contract.</summary>
    public static void Validate(DeviceCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        CheckVersion(command.Version);
        CheckId(command.Id, "$.id", "command id");
        CheckId(command.Type, "$.type", "command type");
        if (command.Expires <= command.Timestamp)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, "$.expires",
                $"expires {UtcMillisecondsConverter.Format(command.Expires)} is not after ts {UtcMillisecondsConverter.Format(command.Timestamp)}; a command must be valid for some time");
        }

        if (command.NotBefore is { } notBefore && notBefore >= command.Expires)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, "$.notBefore",
                $"notBefore {UtcMillisecondsConverter.Format(notBefore)} is not before expires {UtcMillisecondsConverter.Format(command.Expires)}; the command could never run");
        }
    }

    /// <summary>Throws <see cref="ContractViolationException"/> unless the result obeys the contract.</summary>
    public static void Validate(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        CheckVersion(result.Version);
        CheckId(result.Id, "$.id", "command id");
        CheckDefined(result.Status, "$.status");
        if (result.Status == CommandStatus.Succeeded && result.Error is not null)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, "$.error",
                $"a succeeded command carries no error code, but error is '{result.Error}'; drop it or report status failed");
        }

        if (result.Status != CommandStatus.Succeeded && result.Error is null)
        {
            throw new ContractViolationException(RejectReason.MissingField, "$.error",
                $"a {Wire(result.Status)} command needs an error code, e.g. \"error\":\"{(result.Status == CommandStatus.Expired ? "expired" : "interlock")}\"");
        }

        if (result.Error is not null)
        {
            CheckId(result.Error, "$.error", "error code");
        }

        CheckText(result.Message, "$.msg");
        CheckOptionalSeq(result.Seq);
    }

    private static string Wire(CommandStatus status) => status switch
    {
        CommandStatus.Failed => "failed",
        CommandStatus.Expired => "expired",
        _ => "succeeded",
    };
}
