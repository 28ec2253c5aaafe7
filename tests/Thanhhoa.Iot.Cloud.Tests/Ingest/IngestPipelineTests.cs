using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Ingest;

[TestFixture]
[Category("Integration")] // real LiteDB files in a temp directory
public sealed class IngestPipelineTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private TempDirectory _dir = null!;
    private LiteDbStore _store = null!;
    private RecordingObserver _observer = null!;
    private FakeTimeProvider _time = null!;
    private IngestPipeline _pipeline = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory("cloud-ingest");
        _store = new LiteDbStore(_dir.Path);
        _observer = new RecordingObserver();
        _time = new FakeTimeProvider(TestMessages.T0.AddHours(1));
        _pipeline = new IngestPipeline(new LiteTelemetryStore(_store), new LiteDeviceRegistry(_store), new LiteRejectLog(_store, 100),
            _observer, _time, NullLogger<IngestPipeline>.Instance);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Test]
    public async Task Ingest_ValidTelemetry_StoredAndLatestValueUpdated()
    {
        var result = await _pipeline.IngestAsync(Telemetry("gw-1", TestMessages.TelemetryJson(1, 3)), None);
        var state = await new LiteDeviceRegistry(_store).GetAsync("gw-1", None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(IngestOutcome.Stored));
            Assert.That(_observer.ReadingsAdded, Is.EqualTo(3));
            Assert.That(state!.Channels["battery_v"].Seq, Is.EqualTo(3));
            Assert.That(state.LastSeen, Is.EqualTo(_time.GetUtcNow()));
        });
    }

    [Test]
    public async Task Ingest_SameBatchTwice_SecondIsDuplicateAndStoredOnce()
    {
        await _pipeline.IngestAsync(Telemetry("gw-1", TestMessages.TelemetryJson(1, 3)), None);
        var again = await _pipeline.IngestAsync(Telemetry("gw-1", TestMessages.TelemetryJson(1, 3)), None);
        var stored = await new LiteTelemetryStore(_store).QueryReadingsAsync(AllOf("gw-1"), None);
        Assert.Multiple(() =>
        {
            Assert.That(again.Outcome, Is.EqualTo(IngestOutcome.Duplicate));
            Assert.That(again.IsSuccess, Is.True, "a duplicate is acknowledged, so the gateway drops it from its outbox");
            Assert.That(_observer.Duplicates, Is.EqualTo(3));
            Assert.That(stored, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task Ingest_TopicOfAnotherDevice_RejectedAsWrongTopicAndCounted()
    {
        var message = new IngestMessage("thiot/v1/gw-2/up/telemetry", TestMessages.TelemetryJson(1, 1), null, PublisherId: "gw-1");
        var result = await _pipeline.IngestAsync(message, None);
        var report = await new LiteRejectLog(_store, 100).GetReportAsync("gw-1", 10, None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(IngestOutcome.WrongTopic));
            Assert.That(report.Counts.Single(), Is.EqualTo(new RejectCount("gw-1", "WrongTopic", 1)));
            Assert.That(report.Recent.Single().Detail, Does.Contain("gw-2"));
            Assert.That(_observer.ReadingsAdded, Is.Zero);
        });
    }

    [TestCase("thiot/v1/gw-1/down/cmd")]
    [TestCase("thiot/v1/gw-1/up/nonsense")]
    [TestCase("other/gw-1/up/telemetry")]
    public async Task Ingest_TopicNotAnUpTopic_RejectedAsWrongTopic(string topic)
    {
        var result = await _pipeline.IngestAsync(new IngestMessage(topic, TestMessages.TelemetryJson(1, 1), null, "gw-1"), None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(IngestOutcome.WrongTopic));
            Assert.That(_observer.Rejects, Is.EqualTo(new[] { "WrongTopic" }));
        });
    }

    [Test]
    public async Task Ingest_InvalidValue_RejectedWithReasonAndField()
    {
        var result = await _pipeline.IngestAsync(Telemetry("gw-1", TestMessages.TelemetryWithBadValue()), None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(IngestOutcome.Rejected));
            Assert.That(result.Reject!.Reason, Is.EqualTo("InvalidValue"));
            Assert.That(result.Reject.Field, Is.EqualTo("$.readings[1].val"));
            Assert.That(_observer.ReadingsAdded, Is.Zero, "a batch is accepted or refused whole");
        });
    }

    [Test]
    public async Task Ingest_UnsupportedContentType_Rejected()
    {
        var message = new IngestMessage("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryJson(1, 1), "application/xml", "gw-1");
        var result = await _pipeline.IngestAsync(message, None);
        Assert.That(result.Reject!.Reason, Is.EqualTo("UnsupportedContentType"));
    }

    [TestCase("application/json")]
    [TestCase("application/json; charset=utf-8")]
    [TestCase("")]
    public async Task Ingest_JsonContentTypes_Stored(string contentType)
    {
        var message = new IngestMessage("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryJson(1, 1), contentType, "gw-1");
        Assert.That((await _pipeline.IngestAsync(message, None)).Outcome, Is.EqualTo(IngestOutcome.Stored));
    }

    [Test]
    public async Task Ingest_AfterRejects_NextValidMessageStored()
    {
        await _pipeline.IngestAsync(Telemetry("gw-1", "not json"u8.ToArray()), None);
        await _pipeline.IngestAsync(Telemetry("gw-1", TestMessages.TelemetryWithBadValue()), None);
        var ok = await _pipeline.IngestAsync(Telemetry("gw-1", TestMessages.TelemetryJson(10, 2)), None);
        var report = await new LiteRejectLog(_store, 100).GetReportAsync(null, 10, None);
        Assert.Multiple(() =>
        {
            Assert.That(ok.Outcome, Is.EqualTo(IngestOutcome.Stored));
            Assert.That(report.Counts.Select(c => (c.Reason, c.Count)), Is.EquivalentTo(new[] { ("Malformed", 1L), ("InvalidValue", 1L) }));
        });
    }

    [Test]
    public async Task Ingest_StaleWillAfterNewerBirth_DeviceStaysOnline()
    {
        await _pipeline.IngestAsync(State("gw-1", LinkState.Online, 1), None);
        var birth2 = await _pipeline.IngestAsync(State("gw-1", LinkState.Online, 2), None);
        var staleWill = await _pipeline.IngestAsync(State("gw-1", LinkState.Offline, 1, "lost"), None);
        var state = await new LiteDeviceRegistry(_store).GetAsync("gw-1", None);
        Assert.Multiple(() =>
        {
            Assert.That(birth2.BirthSession, Is.EqualTo(2));
            Assert.That(staleWill.Outcome, Is.EqualTo(IngestOutcome.Ignored));
            Assert.That(staleWill.IsSuccess, Is.True);
            Assert.That(state!.Online, Is.True);
            Assert.That(state.Session, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Ingest_WillOfCurrentSession_DeviceOfflineWithReason()
    {
        await _pipeline.IngestAsync(State("gw-1", LinkState.Online, 4), None);
        await _pipeline.IngestAsync(State("gw-1", LinkState.Offline, 4, "lost"), None);
        var state = await new LiteDeviceRegistry(_store).GetAsync("gw-1", None);
        Assert.Multiple(() =>
        {
            Assert.That(state!.Online, Is.False);
            Assert.That(state.OfflineReason, Is.EqualTo("lost"));
            Assert.That(state.Firmware, Is.EqualTo("0.1.0"));
        });
    }

    [Test]
    public async Task Ingest_Events_StoredAndDeduplicated()
    {
        var first = await _pipeline.IngestAsync(new IngestMessage("thiot/v1/gw-1/up/events", TestMessages.EventsJson(5), null, "gw-1"), None);
        var again = await _pipeline.IngestAsync(new IngestMessage("thiot/v1/gw-1/up/events", TestMessages.EventsJson(5), null, "gw-1"), None);
        Assert.Multiple(() =>
        {
            Assert.That(first.Outcome, Is.EqualTo(IngestOutcome.Stored));
            Assert.That(again.Outcome, Is.EqualTo(IngestOutcome.Duplicate));
            Assert.That(_observer.EventsAdded, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Ingest_NoPublisherId_DeviceTakenFromTopic()
    {
        var result = await _pipeline.IngestAsync(new IngestMessage("thiot/v1/gw-7/up/telemetry", TestMessages.TelemetryJson(1, 2), null, null), None);
        var stored = await new LiteTelemetryStore(_store).QueryReadingsAsync(AllOf("gw-7"), None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(IngestOutcome.Stored));
            Assert.That(stored, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task Ingest_StoreUnavailable_FailedSoTheSenderRetries()
    {
        await _store.DisposeAsync();
        var result = await _pipeline.IngestAsync(Telemetry("gw-1", TestMessages.TelemetryJson(1, 1)), None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(IngestOutcome.Failed));
            Assert.That(result.IsSuccess, Is.False);
            Assert.That(_observer.StoreFailures, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Ingest_TelemetryWithReadingsWriter_StoredAndRegistryUpdatedThroughIt()
    {
        var writer = new CountingReadingsWriter(new LiteReadingsWriter(_store));
        var listener = new DeviceRecordingListener();
        var pipeline = new IngestPipeline(new LiteTelemetryStore(_store), new LiteDeviceRegistry(_store), new LiteRejectLog(_store, 100),
            _observer, _time, NullLogger<IngestPipeline>.Instance, [listener], readingsWriter: writer);
        var first = await pipeline.IngestAsync(Telemetry("gw-1", TestMessages.TelemetryJson(1, 3)), None);
        var again = await pipeline.IngestAsync(Telemetry("gw-1", TestMessages.TelemetryJson(1, 3)), None);
        var state = await new LiteDeviceRegistry(_store).GetAsync("gw-1", None);
        Assert.Multiple(() =>
        {
            Assert.That((first.Outcome, again.Outcome), Is.EqualTo((IngestOutcome.Stored, IngestOutcome.Duplicate)));
            Assert.That(writer.Calls, Is.EqualTo(2));
            Assert.That((_observer.ReadingsAdded, _observer.Duplicates), Is.EqualTo((3, 3)));
            Assert.That(state!.Channels["battery_v"].Seq, Is.EqualTo(3));
            Assert.That(listener.Devices.Select(d => d?.Channels["battery_v"].Seq), Is.EqualTo(new long?[] { 3, 3 }), "listeners get the committed row");
        });
    }

    private static IngestMessage Telemetry(string device, byte[] payload) => new($"thiot/v1/{device}/up/telemetry", payload, null, device);

    private static IngestMessage State(string device, LinkState state, long session, string? reason = null) =>
        new($"thiot/v1/{device}/up/state", TestMessages.StateJson(state, session, reason), null, device);

    private static TelemetryQuery AllOf(string device) => new(device, null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, 1000);

    private sealed class CountingReadingsWriter(IReadingsWriter inner) : IReadingsWriter
    {
        public int Calls { get; private set; }

        public Task<ReadingsStored> StoreReadingsAsync(string deviceId, IReadOnlyList<StoredReading> readings, DateTimeOffset seenAt, CancellationToken cancellationToken)
        {
            Calls++;
            return inner.StoreReadingsAsync(deviceId, readings, seenAt, cancellationToken);
        }
    }

    private sealed class DeviceRecordingListener : IIngestListener
    {
        public List<DeviceState?> Devices { get; } = [];

        public ValueTask ReadingsStoredAsync(string deviceId, IReadOnlyList<StoredReading> readings, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the pipeline should hand over the stored device row");

        public ValueTask ReadingsStoredAsync(string deviceId, IReadOnlyList<StoredReading> readings, DeviceState? device, CancellationToken cancellationToken)
        {
            Devices.Add(device);
            return ValueTask.CompletedTask;
        }

        public ValueTask EventsStoredAsync(string deviceId, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask LinkChangedAsync(string deviceId, LinkUpdate update, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
