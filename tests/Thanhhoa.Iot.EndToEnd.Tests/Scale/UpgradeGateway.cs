using System.Collections.Concurrent;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.TestSupport.Gateways;

namespace Thanhhoa.Iot.EndToEnd.Tests.Scale;

/// <summary>
/// A gateway of the rolling-upgrade test, speaking every up/ kind the control lane carries: it joins (down/#, then its
/// birth), publishes telemetry batches and alarm events numbered from one sequence (as a gateway's outbox numbers
/// them), and answers each command it receives on down/cmd once, with a succeeded result carrying the next number.
/// </summary>
public sealed class UpgradeGateway : IAsyncDisposable
{
    private readonly ContractDeviceClient _client;
    private readonly ConcurrentDictionary<string, byte> _answered = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<string> _firstAnswer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _seq;

    private UpgradeGateway(string deviceId) => _client = new ContractDeviceClient(deviceId, OnDownAsync);

    public string DeviceId => _client.DeviceId;

    /// <summary>Completes with the command id once the result of the first command received is acknowledged by the broker.</summary>
    public Task<string> Answered => _firstAnswer.Task;

    /// <summary>The highest sequence number used so far (readings, events and command results share it).</summary>
    public long LastSeq => Interlocked.Read(ref _seq);

    public static async Task<UpgradeGateway> JoinAsync(int port, string deviceId)
    {
        var gateway = new UpgradeGateway(deviceId);
        await gateway._client.JoinAsync(port, firmware: "rolling-1", cleanStart: true);
        return gateway;
    }

    /// <summary>One telemetry batch of <paramref name="readings"/> readings with the next sequence numbers.</summary>
    public Task TelemetryAsync(int readings)
    {
        var first = Reserve(readings);
        var at = Now();
        var list = Enumerable.Range(0, readings).Select(i => new Reading
        {
            Seq = first + i, Channel = i % 2 == 0 ? "battery_v" : "load_a", Timestamp = at.AddMilliseconds(i - readings), Value = 48 + (i * 0.25), Quality = Quality.Good,
        }).ToList();
        return _client.PublishAcceptedAsync(TopicKind.Telemetry, JsonCodec.Encode(new TelemetryBatch
        {
            Version = ContractInfo.Version, SeqFrom = first, SeqTo = first + readings - 1, Readings = list,
        }));
    }

    /// <summary>One event batch: mains failure raised or cleared, with the next sequence number.</summary>
    public Task MainsAsync(EventAction action)
    {
        var seq = Reserve(1);
        return _client.PublishAcceptedAsync(TopicKind.Events, JsonCodec.Encode(new EventBatch
        {
            Version = ContractInfo.Version, SeqFrom = seq, SeqTo = seq,
            Events = [new DeviceEvent { Seq = seq, Timestamp = Now(), Code = AlarmCodes.MainsFail, Action = action, Severity = Severity.Critical }],
        }));
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private long Reserve(int count) => Interlocked.Add(ref _seq, count) - count + 1;

    /// <summary>On the receive loop: answers outside it, as the real gateway answers through its outbox; a command seen again is not answered again.</summary>
    private Task OnDownAsync(TopicKind kind, byte[] payload)
    {
        if (kind == TopicKind.Command && JsonCodec.DecodeCommand(payload).Id is var id && _answered.TryAdd(id, 0))
        {
            _ = Task.Run(() => AnswerAsync(id));
        }

        return Task.CompletedTask;
    }

    private async Task AnswerAsync(string id)
    {
        try
        {
            await _client.PublishAcceptedAsync(TopicKind.CommandResult, JsonCodec.Encode(new CommandResult
            {
                Version = ContractInfo.Version, Id = id, Status = CommandStatus.Succeeded, Timestamp = Now(), Seq = Reserve(1),
            }));
            _firstAnswer.TrySetResult(id);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _firstAnswer.TrySetException(ex);
        }
    }

    private static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());
}
