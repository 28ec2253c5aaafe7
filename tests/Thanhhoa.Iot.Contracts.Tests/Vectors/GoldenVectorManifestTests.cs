using System.Text.Json;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.TestSupport.Vectors;

namespace Thanhhoa.Iot.Contracts.Tests.Vectors;

/// <summary>The manifest and the folder agree, and the vectors cover what the contract promises.</summary>
[TestFixture]
[Category("Unit")]
public sealed class GoldenVectorManifestTests
{
    [Test]
    public void Manifest_EveryFileInTheFolder_IsListedExactlyOnce()
    {
        var onDisk = Directory.EnumerateFiles(GoldenVectors.VectorsDirectory, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(GoldenVectors.VectorsDirectory, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => p != "manifest.json")
            .Order(StringComparer.Ordinal);
        var listed = GoldenVectors.All().Select(v => v.File).Order(StringComparer.Ordinal);
        Assert.That(listed, Is.EqualTo(onDisk));
    }

    [Test]
    public void Manifest_InvalidJsonVectors_AllSayWhetherTheSchemaRejects()
    {
        Assert.That(GoldenVectors.Invalid(ContractInfo.JsonContentType).Where(v => v.SchemaRejects is null).Select(v => v.Name), Is.Empty);
    }

    [TestCase(TopicKind.Telemetry)]
    [TestCase(TopicKind.Events)]
    [TestCase(TopicKind.State)]
    [TestCase(TopicKind.Command)]
    [TestCase(TopicKind.CommandResult)]
    [TestCase(TopicKind.Config)]
    [TestCase(TopicKind.ConfigReported)]
    [TestCase(TopicKind.Firmware)]
    [TestCase(TopicKind.FirmwareReported)]
    public void Manifest_EachMessage_HasValidAndInvalidJsonVectors(TopicKind message)
    {
        var json = GoldenVectors.All().Where(v => v.Message == message && v.IsJson).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(json.Count(v => v.Valid), Is.GreaterThanOrEqualTo(3));
            Assert.That(json.Count(v => !v.Valid), Is.GreaterThanOrEqualTo(5));
        });
    }

    [TestCase(ContractInfo.CborContentType)]
    [TestCase(ContractInfo.CborDeflateContentType)]
    public void Manifest_EachBinaryContentType_HasValidAndInvalidVectors(string contentType)
    {
        Assert.Multiple(() =>
        {
            Assert.That(GoldenVectors.Valid(contentType).Select(v => v.Message).Distinct(), Is.EquivalentTo(new[] { TopicKind.Telemetry, TopicKind.Events }));
            Assert.That(GoldenVectors.Invalid(contentType), Is.Not.Empty);
        });
    }

    [Test]
    public void Manifest_BinaryVectors_AreHexFilesWithoutSchemaFlag()
    {
        var binary = GoldenVectors.All().Where(v => !v.IsJson).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(binary.Select(v => v.File), Is.Not.Empty.And.All.EndsWith(".hex"));
            Assert.That(binary.Select(v => v.SchemaRejects), Is.All.Null);
        });
    }

    [Test]
    public void Manifest_InvalidJsonVectors_CoverEveryPayloadRejectReason()
    {
        // WrongTopic and UnsupportedContentType are decided from the MQTT envelope, not the payload;
        // a payload over the byte limit is tested in code (a 256 KiB file adds nothing).
        var covered = GoldenVectors.Invalid(ContractInfo.JsonContentType).Select(v => v.Reason!.Value).ToHashSet();
        var expected = Enum.GetValues<RejectReason>()
            .Except([RejectReason.WrongTopic, RejectReason.UnsupportedContentType]);
        Assert.That(covered, Is.SupersetOf(expected));
    }

    [Test]
    public void Manifest_SequenceRuleVectors_AreMarkedAsBeyondTheSchema()
    {
        var sequence = GoldenVectors.Invalid(ContractInfo.JsonContentType).Where(v => v.Reason == RejectReason.SequenceMismatch).ToArray();
        Assert.That(sequence.Select(v => v.SchemaRejects), Is.Not.Empty.And.All.False);
    }

    [TestCase("telemetry/invalid-oversized-2001.json", "readings", ContractInfo.MaxReadingsPerBatch)]
    [TestCase("events/invalid-oversized-501.json", "events", ContractInfo.MaxEventsPerBatch)]
    public void OversizedVector_TrimmedToTheLimit_IsValid(string file, string array, int max)
    {
        var vector = GoldenVectors.All().Single(v => v.File == file);
        using var doc = JsonDocument.Parse(vector.ReadPayload());
        var items = doc.RootElement.GetProperty(array).EnumerateArray().Select(e => e.GetRawText()).ToArray();
        var last = doc.RootElement.GetProperty(array)[max - 1].GetProperty("seq").GetInt64();
        var trimmed = $"{{\"v\":1,\"seqFrom\":{doc.RootElement.GetProperty("seqFrom").GetInt64()},\"seqTo\":{last},\"{array}\":[{string.Join(',', items[..max])}]}}";

        Assert.Multiple(() =>
        {
            Assert.That(items, Has.Length.EqualTo(max + 1), "the file must hold exactly one item too many");
            Assert.That(() => VectorCodec.Decode(vector.Message, vector.ContentType, System.Text.Encoding.UTF8.GetBytes(trimmed)), Throws.Nothing,
                "the only fault of the oversized vector must be its count");
        });
    }
}
