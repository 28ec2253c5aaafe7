using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Commands;
using Thanhhoa.Iot.Cloud.DesiredConfig;
using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Cloud.LossLedger;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;
using Thanhhoa.Iot.Cloud.Tests.Ingest;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Vectors;

namespace Thanhhoa.Iot.Cloud.Tests.Commands;

/// <summary>
/// The golden vectors of up/cmd-result and up/config-reported through the real ingest pipeline with the
/// command and configuration consumers: valid ones are stored on their command or device, invalid ones
/// refused with the manifest's reason and field; their sequence numbers join the device's sequence ledger.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class ControlVectorIngestTests
{
    private const string Device = "gw-vectors";
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);
    private TempDirectory _dir = null!;
    private LiteDbStore _store = null!;
    private IngestPipeline _pipeline = null!;

    [SetUp]
    public async Task SetUp()
    {
        _dir = new TempDirectory("cloud-control-vectors");
        _store = new LiteDbStore(_dir.Path);
        var time = new FakeTimeProvider(T0);
        var registry = new LiteDeviceRegistry(_store);
        var commandStore = new LiteCommandStore(_store);
        var commands = new CommandService(commandStore, new NullDownlinkPublisher(),
            new CommandRequestValidator(registry, Options.Create(new CloudCommandOptions())), [], time, NullLogger<CommandService>.Instance);
        var config = new DesiredConfigService(new LiteDesiredConfigStore(_store), new NullDownlinkPublisher(), time, NullLogger<DesiredConfigService>.Instance);
        var sequences = new LiteControlSequenceStore(_store, time);
        _pipeline = new IngestPipeline(new LiteTelemetryStore(_store), registry, new LiteRejectLog(_store, 100), new RecordingObserver(), time,
            NullLogger<IngestPipeline>.Instance, consumers: [new CommandResultConsumer(commands, sequences), new ConfigReportConsumer(config, sequences)]);
        await commandStore.InsertAsync(
            [.. new[] { "c-01jd8x4q", "c-0042", "c-7f3a9b" }.Select(id => new CommandRecord { Id = id, DeviceId = Device, Type = "ping", CreatedAt = T0, Expires = T0.AddHours(4) })],
            CancellationToken.None);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [TestCaseSource(typeof(GoldenVectorCases), nameof(GoldenVectorCases.ValidControlUp))]
    public async Task Ingest_ValidVector_Stored(GoldenVector vector)
    {
        var result = await _pipeline.IngestAsync(Message(vector), CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(IngestOutcome.Stored), result.Reject?.Detail);
    }

    [TestCaseSource(typeof(GoldenVectorCases), nameof(GoldenVectorCases.InvalidControlUp))]
    public async Task Ingest_InvalidVector_RejectedWithTheManifestReasonAndField(GoldenVector vector)
    {
        var result = await _pipeline.IngestAsync(Message(vector), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(IngestOutcome.Rejected));
            Assert.That((result.Reject!.Reason, result.Reject.Field), Is.EqualTo((vector.Reason.ToString(), vector.Field)));
        });
    }

    [Test]
    public async Task Ingest_CommandResultAndConfigReportBetweenTelemetry_LedgerOneRange()
    {
        // One outbox sequence space: readings 1..3, a command result 4, a configuration report 5, readings 6..7.
        await IngestAsync(TopicKind.Telemetry, TestMessages.TelemetryJson(1, 3));
        await IngestAsync(TopicKind.CommandResult, """{"v":1,"id":"c-0042","status":"succeeded","ts":"2026-11-26T04:00:00.000Z","seq":4}"""u8.ToArray());
        await IngestAsync(TopicKind.ConfigReported, """{"v":1,"version":1,"status":"applied","ts":"2026-11-26T04:00:00.000Z","appliedVersion":1,"seq":5}"""u8.ToArray());
        await IngestAsync(TopicKind.Telemetry, TestMessages.TelemetryJson(6, 2));

        var ledger = DeviceDocuments.LedgerOf(_store.Database.GetCollection(LiteDbStore.Devices).FindById(Device));
        Assert.That(ledger.Ranges, Is.EqualTo(new[] { (1L, 8L) }), "control messages share the gateway's sequence space: no gap per message");
    }

    private async Task IngestAsync(TopicKind kind, byte[] json)
    {
        var message = new IngestMessage(DeviceTopics.For(Device, kind), json, ContractInfo.JsonContentType, Device);
        var result = await _pipeline.IngestAsync(message, CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(IngestOutcome.Stored), result.Reject?.Detail);
    }

    private static IngestMessage Message(GoldenVector vector) =>
        new(DeviceTopics.For(Device, vector.Message), vector.ReadPayload(), vector.ContentType, Device);
}
