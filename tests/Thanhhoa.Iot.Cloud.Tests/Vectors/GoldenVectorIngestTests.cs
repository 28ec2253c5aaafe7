using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;
using Thanhhoa.Iot.Cloud.Tests.Ingest;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Vectors;

namespace Thanhhoa.Iot.Cloud.Tests.Vectors;

/// <summary>
/// The golden vectors seen from the cloud's side: every valid payload, in every encoding, is taken by
/// the real ingest pipeline; every invalid one is refused, with the manifest's reason and field in the
/// reject log a person reads. (Command results and configuration reports: ControlVectorIngestTests.)
/// </summary>
[TestFixture]
[Category("Integration")] // real LiteDB files
public sealed class GoldenVectorIngestTests
{
    private const string Device = "gw-vectors";
    private TempDirectory _dir = null!;
    private LiteDbStore _store = null!;
    private IngestPipeline _pipeline = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory("cloud-vectors");
        _store = new LiteDbStore(_dir.Path);
        _pipeline = new IngestPipeline(new LiteTelemetryStore(_store), new LiteDeviceRegistry(_store), new LiteRejectLog(_store, 100),
            new RecordingObserver(), new FakeTimeProvider(DateTimeOffset.UtcNow), NullLogger<IngestPipeline>.Instance);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [TestCaseSource(typeof(GoldenVectorCases), nameof(GoldenVectorCases.ValidTelemetryEventsState))]
    public async Task Ingest_ValidVector_IsAccepted(GoldenVector vector)
    {
        var result = await _pipeline.IngestAsync(Message(vector), CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(IngestOutcome.Stored), result.Reject?.Detail);
    }

    [TestCaseSource(typeof(GoldenVectorCases), nameof(GoldenVectorCases.InvalidTelemetryEventsState))]
    public async Task Ingest_InvalidVector_RejectedWithTheManifestReasonAndField(GoldenVector vector)
    {
        var result = await _pipeline.IngestAsync(Message(vector), CancellationToken.None);
        var report = await new LiteRejectLog(_store, 100).GetReportAsync(Device, 10, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(IngestOutcome.Rejected));
            Assert.That((report.Recent[0].Reason, report.Recent[0].Field), Is.EqualTo((vector.Reason.ToString(), vector.Field)));
        });
    }

    private static IngestMessage Message(GoldenVector vector) =>
        new(DeviceTopics.For(Device, vector.Message), vector.ReadPayload(), vector.ContentType, Device);
}
