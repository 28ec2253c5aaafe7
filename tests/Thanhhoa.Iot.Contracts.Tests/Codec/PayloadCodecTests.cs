using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Contracts.Tests.Codec;

[TestFixture]
[Category("Unit")]
public sealed class PayloadCodecTests
{
    [TestCase(null, PayloadEncoding.Json)]
    [TestCase("", PayloadEncoding.Json)]
    [TestCase("application/json", PayloadEncoding.Json)]
    [TestCase("application/json; charset=utf-8", PayloadEncoding.Json)]
    [TestCase("Application/JSON", PayloadEncoding.Json)]
    [TestCase("application/cbor", PayloadEncoding.Cbor)]
    [TestCase("application/cbor+deflate", PayloadEncoding.CborDeflate)]
    public void EncodingOf_KnownContentType_Maps(string? contentType, PayloadEncoding expected)
    {
        Assert.That(PayloadCodec.EncodingOf(contentType), Is.EqualTo(expected));
    }

    [TestCase("text/plain")]
    [TestCase("application/cbor+gzip")]
    [TestCase("application/octet-stream")]
    public void EncodingOf_OtherContentType_UnsupportedContentTypeNamingIt(string contentType)
    {
        var ex = Assert.Throws<ContractViolationException>(() => PayloadCodec.EncodingOf(contentType))!;
        Assert.Multiple(() =>
        {
            Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.UnsupportedContentType, "$")));
            Assert.That(ex.Detail, Does.Contain(contentType));
        });
    }

    [TestCase(PayloadEncoding.Json)]
    [TestCase(PayloadEncoding.Cbor)]
    [TestCase(PayloadEncoding.CborDeflate)]
    public void Encode_EachEncoding_DecodesBackWithItsContentType(PayloadEncoding encoding)
    {
        var batch = TestSupport.Vectors.ReferenceBtsBatch.Create();
        var payload = PayloadCodec.Encode(batch, encoding);
        var back = PayloadCodec.DecodeTelemetry(PayloadCodec.ContentTypeOf(encoding), payload);
        Assert.That(back.Readings, Is.EqualTo(batch.Readings));
    }

    [TestCase("application/cbor")]
    [TestCase("application/cbor+deflate")]
    public void DecodeState_Binary_UnsupportedContentType(string contentType)
    {
        var ex = Assert.Throws<ContractViolationException>(() => PayloadCodec.DecodeState(contentType, [0x80]))!;
        Assert.That(ex.Reason, Is.EqualTo(RejectReason.UnsupportedContentType));
    }

    [Test]
    public void DecodeEvents_JsonSentAsCbor_Malformed()
    {
        var json = """{"v":1,"seqFrom":1,"seqTo":1,"events":[{"seq":1,"ts":"2026-11-26T04:00:00.000Z","code":"x","action":"info","severity":"info"}]}"""u8.ToArray();
        var ex = Assert.Throws<ContractViolationException>(() => PayloadCodec.DecodeEvents(ContractInfo.CborContentType, json))!;
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.Malformed, "$")));
    }

    [Test]
    public void ContentTypeOf_EveryEncoding_RoundTripsThroughEncodingOf()
    {
        foreach (var encoding in Enum.GetValues<PayloadEncoding>())
        {
            Assert.That(PayloadCodec.EncodingOf(PayloadCodec.ContentTypeOf(encoding)), Is.EqualTo(encoding));
        }
    }

    [Test]
    public void Encode_UndefinedEncoding_Throws()
    {
        var batch = TestSupport.Vectors.ReferenceBtsBatch.Create();
        Assert.That(() => PayloadCodec.Encode(batch, (PayloadEncoding)9), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
