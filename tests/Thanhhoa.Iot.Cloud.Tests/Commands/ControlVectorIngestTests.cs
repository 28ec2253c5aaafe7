using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Commands;
using Thanhhoa.Iot.Cloud.DesiredConfig;
using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;
using Thanhhoa.Iot.Cloud.Tests.Ingest;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Vectors;

namespace Thanhhoa.Iot.Cloud.Tests.Commands;

/// <summary>
/// The golden vectors of up/cmd-result and up/config-reported through the real ingest pipeline with the
/// command and configuration consumers: valid ones are stored on their command or device, invalid ones
/// refused with the manifest's reason and field.
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
        _pipeline = new IngestPipeline(new LiteTelemetryStore(_store), registry, new LiteRejectLog(_store, 100), new RecordingObserver(), time,
            NullLogger<IngestPipeline>.Instance, consumers: [new CommandResultConsumer(commands), new ConfigReportConsumer(config)]);
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

    private static IngestMessage Message(GoldenVector vector) =>
        new(DeviceTopics.For(Device, vector.Message), vector.ReadPayload(), vector.ContentType, Device);
}
