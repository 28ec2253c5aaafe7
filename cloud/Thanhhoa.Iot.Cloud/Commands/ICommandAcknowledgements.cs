namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>Told when a gateway acknowledged a down/cmd (its PUBACK, sent after it journalled the command).</summary>
public interface ICommandAcknowledgements
{
    void Acknowledged(string deviceId, string commandId);
}
