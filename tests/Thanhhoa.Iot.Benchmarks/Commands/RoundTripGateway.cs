using System.Diagnostics;
using System.Text.Json;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.TestSupport.Gateways;

namespace Thanhhoa.Iot.Benchmarks.Commands;

/// <summary>
/// A lightweight contract-speaking gateway for the round-trip run: answers each down/cmd with a result and
/// records when the broker acknowledged that result, which the embedded broker does only after the cloud
/// stored it. So "acknowledged" here is "the result is in the cloud's database".
/// </summary>
internal sealed class RoundTripGateway : IAsyncDisposable
{
    private readonly ContractDeviceClient _client;
    private TaskCompletionSource<long> _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RoundTripGateway(string deviceId) => _client = new ContractDeviceClient(deviceId, OnDownAsync);

    public string DeviceId => _client.DeviceId;

    /// <summary>Completes with the Stopwatch timestamp at which the next result was stored.</summary>
    public Task<long> NextStored => Volatile.Read(ref _stored).Task;

    public void Reset() => Volatile.Write(ref _stored, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

    public Task ConnectAsync(int port) => _client.JoinAsync(port, timeout: TimeSpan.FromSeconds(60));

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private Task OnDownAsync(TopicKind kind, byte[] payload)
    {
        if (kind == TopicKind.Command)
        {
            var command = JsonCodec.DecodeCommand(payload);
            _ = Task.Run(() => AnswerAsync(command.Id));
        }

        return Task.CompletedTask;
    }

    private async Task AnswerAsync(string id)
    {
        var result = JsonCodec.Encode(new CommandResult
        {
            Version = ContractInfo.Version, Id = id, Status = CommandStatus.Succeeded, Timestamp = DateTimeOffset.UtcNow,
            Result = new Dictionary<string, JsonElement> { ["pong"] = JsonSerializer.SerializeToElement(true) },
        });
        await _client.PublishAsync(TopicKind.CommandResult, result);
        Volatile.Read(ref _stored).TrySetResult(Stopwatch.GetTimestamp());
    }
}
