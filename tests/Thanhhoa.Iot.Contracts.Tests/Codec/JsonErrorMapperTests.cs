using System.Text;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Contracts.Tests.Codec;

/// <summary>
/// Drives real System.Text.Json failures through <see cref="JsonCodec"/> and checks the reason and
/// field path the mapper gives each of them.
/// </summary>
[TestFixture]
[Category("Unit")]
public sealed class JsonErrorMapperTests
{
    private const string Reading = """{"seq":1,"ch":"mains","ts":"2026-01-01T00:00:00.000Z","val":1,"q":"good"}""";

    private static string Batch(string reading = Reading, string head = "\"v\":1,\"seqFrom\":1,\"seqTo\":1,") =>
        "{" + head + "\"readings\":[" + reading + "]}";

    private static ContractViolationException Reject(string json) =>
        Assert.Throws<ContractViolationException>(() => JsonCodec.DecodeTelemetry(Encoding.UTF8.GetBytes(json)))!;

    [Test]
    public void Decode_TopLevelRequiredPropertyMissing_MissingFieldAtThatName()
    {
        var ex = Reject(Batch(head: "\"v\":1,\"seqFrom\":1,"));
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.MissingField, "$.seqTo")));
    }

    [Test]
    public void Decode_TwoRequiredPropertiesMissing_NamesTheFirst()
    {
        var ex = Reject(Batch(head: "\"v\":1,"));
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.MissingField, "$.seqFrom")));
    }

    [Test]
    public void Decode_NestedRequiredPropertyMissing_MissingFieldWithIndexedPath()
    {
        var second = """{"seq":2,"ch":"load_a","ts":"2026-01-01T00:00:00.000Z","q":"good"}""";
        var ex = Reject(Batch(Reading + "," + second, "\"v\":1,\"seqFrom\":1,\"seqTo\":2,"));
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.MissingField, "$.readings[1].val")));
    }

    [TestCase("""{"v":1,"seqFrom":1,"seqTo":1,"extra":5,"readings":[READING]}""", "$.extra")]
    [TestCase("""{"v":1,"seqFrom":1,"seqTo":1,"extra":{"a":[1,2]},"readings":[READING]}""", "$.extra")]
    [TestCase("""{"v":1,"seqFrom":1,"seqTo":1,"readings":[{"unit":"V","seq":1,"ch":"mains","ts":"2026-01-01T00:00:00.000Z","val":1,"q":"good"}]}""", "$.readings[0].unit")]
    [TestCase("""{"v":1,"seqFrom":1,"seqTo":1,"a.b c":5,"readings":[READING]}""", "$['a.b c']")]
    [TestCase("""{"v":1,"seqFrom":1,"seqTo":1,"readings":[{"x y":1,"seq":1,"ch":"mains","ts":"2026-01-01T00:00:00.000Z","val":1,"q":"good"}]}""", "$.readings[0]['x y']")]
    public void Decode_UnmappedMember_UnknownFieldAtItsPath(string json, string field)
    {
        var ex = Reject(json.Replace("READING", Reading, StringComparison.Ordinal));
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.UnknownField, field)));
    }

    [TestCase("\"seq\":1", "\"seq\":\"1\"", "$.readings[0].seq")]
    [TestCase("\"seq\":1", "\"seq\":1.5", "$.readings[0].seq")]
    [TestCase("\"seq\":1", "\"seq\":99999999999999999999", "$.readings[0].seq")]
    [TestCase("\"ch\":\"mains\"", "\"ch\":5", "$.readings[0].ch")]
    [TestCase("\"val\":1", "\"val\":\"12.5\"", "$.readings[0].val")]
    [TestCase("\"val\":1", "\"val\":true", "$.readings[0].val")]
    [TestCase("\"q\":\"good\"", "\"q\":\"great\"", "$.readings[0].q")]
    [TestCase("\"q\":\"good\"", "\"q\":\"Good\"", "$.readings[0].q")]
    [TestCase("\"q\":\"good\"", "\"q\":1", "$.readings[0].q")]
    [TestCase("\"q\":\"good\"", "\"q\":\"1\"", "$.readings[0].q")]
    [TestCase("\"ts\":\"2026-01-01T00:00:00.000Z\"", "\"ts\":1767225600000", "$.readings[0].ts")]
    public void Decode_WrongType_InvalidValueAtField(string from, string to, string field)
    {
        var ex = Reject(Batch(Reading.Replace(from, to, StringComparison.Ordinal)));
        Assert.Multiple(() =>
        {
            Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.InvalidValue, field)));
            Assert.That(ex.Detail, Does.Not.Contain("Thanhhoa.Iot"), "a firmware author cannot act on .NET type names");
            Assert.That(ex.Detail, Does.Contain("expected"));
        });
    }

    [TestCase("\"ch\":\"mains\"", "\"ch\":null", "$.readings[0].ch")]
    [TestCase("\"val\":1", "\"val\":null", "$.readings[0].val")]
    public void Decode_NullForRequiredValue_InvalidValueAtField(string from, string to, string field)
    {
        var ex = Reject(Batch(Reading.Replace(from, to, StringComparison.Ordinal)));
        Assert.Multiple(() =>
        {
            Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.InvalidValue, field)));
            Assert.That(ex.Detail, Does.Not.Contain("constructor"));
        });
    }

    [Test]
    public void Decode_NullArray_InvalidValueAtArray()
    {
        var ex = Reject("""{"v":1,"seqFrom":1,"seqTo":1,"readings":null}""");
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.InvalidValue, "$.readings")));
    }

    [Test]
    public void Decode_NullArrayItem_InvalidValueAtItem()
    {
        var ex = Reject(Batch("null"));
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.InvalidValue, "$.readings[0]")));
    }

    [TestCase("{\"v\":1,\"seqFrom\":1,")]
    [TestCase("{\"v\":1,\"seqFrom\":1,\"seqTo\":1,\"readings\":[]x")]
    [TestCase("{\"v\":1,\"seqFrom\":1,\"seqTo\":1,\"readings\":[],}")]
    [TestCase("{\"v\":1,\"seqFrom\":1,\"seqTo\":1,\"readings\":[{\"seq\":1,\"val\":1.2.3}]}")]
    [TestCase("{\"v\":1,\"seqFrom\":1,\"seqTo\":1,\"readings\":[{\"seq\":1 /* c */}]}")]
    [TestCase("\uFEFF{\"v\":1}")]
    [TestCase("")]
    [TestCase("not json")]
    public void Decode_NotWellFormedJson_MalformedAtRoot(string json)
    {
        var ex = Reject(json);
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.Malformed, "$")));
    }

    [TestCase("null")]
    [TestCase("[]")]
    [TestCase("42")]
    [TestCase("\"text\"")]
    public void Decode_WellFormedButNotAnObject_InvalidValueAtRoot(string json)
    {
        var ex = Reject(json);
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.InvalidValue, "$")));
    }

    [Test]
    public void Decode_DuplicateProperty_MalformedAtThatProperty()
    {
        var ex = Reject(Batch(head: "\"v\":1,\"seqFrom\":1,\"seqFrom\":1,\"seqTo\":1,"));
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.Malformed, "$.seqFrom")));
    }

    [TestCase("\"val\":\"NaN\"")]
    [TestCase("\"val\":\"-Infinity\"")]
    [TestCase("\"val\":1e999")]
    public void Decode_NonFiniteReading_NonFiniteValueAtVal(string value)
    {
        var ex = Reject(Batch(Reading.Replace("\"val\":1", value, StringComparison.Ordinal)));
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.NonFiniteValue, "$.readings[0].val")));
    }

    [TestCase("\"v\":2", RejectReason.UnsupportedVersion)]
    [TestCase("\"v\":\"1\"", RejectReason.InvalidValue)]
    [TestCase("\"v\":1.5", RejectReason.InvalidValue)]
    public void Decode_BadVersion_RejectedAtV(string version, RejectReason reason)
    {
        var ex = Reject(Batch(head: version + ",\"seqFrom\":1,\"seqTo\":1,"));
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((reason, "$.v")));
    }

    [Test]
    public void Decode_VersionMissing_MissingFieldAtV()
    {
        var ex = Reject(Batch(head: "\"seqFrom\":1,\"seqTo\":1,"));
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.MissingField, "$.v")));
    }

    [Test]
    public void Decode_PayloadOverLimit_TooLargeAtRoot()
    {
        var payload = new byte[ContractInfo.MaxPayloadBytes + 1];
        var ex = Assert.Throws<ContractViolationException>(() => JsonCodec.DecodeTelemetry(payload))!;
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.TooLarge, "$")));
    }
}
