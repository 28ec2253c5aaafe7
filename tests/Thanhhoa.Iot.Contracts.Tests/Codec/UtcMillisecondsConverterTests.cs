using System.Text;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Contracts.Tests.Codec;

[TestFixture]
[Category("Unit")]
public sealed class UtcMillisecondsConverterTests
{
    [TestCase("2026-11-26T04:00:00Z", "2026-11-26T04:00:00.000Z")]
    [TestCase("2026-11-26T04:00:00.5Z", "2026-11-26T04:00:00.500Z")]
    [TestCase("2026-11-26T04:00:00.123Z", "2026-11-26T04:00:00.123Z")]
    [TestCase("2026-11-26T04:00:00.1239Z", "2026-11-26T04:00:00.123Z")]
    [TestCase("2026-11-26T04:00:00.123456789Z", "2026-11-26T04:00:00.123Z")]
    [TestCase("2026-11-26T11:00:00.000+07:00", "2026-11-26T04:00:00.000Z")]
    [TestCase("2026-11-25T23:30:00-04:30", "2026-11-26T04:00:00.000Z")]
    public void TryParse_Rfc3339WithOffset_CanonicalisesToUtcMilliseconds(string text, string canonical)
    {
        Assert.Multiple(() =>
        {
            Assert.That(UtcMillisecondsConverter.TryParse(text, out var value), Is.True);
            Assert.That(UtcMillisecondsConverter.Format(value), Is.EqualTo(canonical));
        });
    }

    [TestCase("2026-11-26T04:00:00")]
    [TestCase("2026-11-26T04:00:00.000")]
    [TestCase("2026-11-26 04:00:00Z")]
    [TestCase("2026-11-26t04:00:00z")]
    [TestCase("2026-11-26T04:00Z")]
    [TestCase("2026-11-26T04:00:00+0700")]
    [TestCase("26/11/2026 04:00:00 +07:00")]
    [TestCase("2026-02-30T04:00:00Z")]
    [TestCase("2026-11-26T25:00:00Z")]
    [TestCase("2026-11-26T04:00:00.Z")]
    [TestCase("2026-11-26T04:00:00.1234567890Z")]
    [TestCase("1764129600000")]
    public void TryParse_NotRfc3339WithOffset_ReturnsFalse(string text)
    {
        Assert.That(UtcMillisecondsConverter.TryParse(text, out _), Is.False);
    }

    [Test]
    public void Decode_TimestampWithoutOffset_InvalidValueNamingTheText()
    {
        var json = """{"v":1,"state":"online","session":3,"ts":"2026-11-26T04:00:00"}""";
        var ex = Assert.Throws<ContractViolationException>(() => JsonCodec.DecodeState(Encoding.UTF8.GetBytes(json)))!;
        Assert.Multiple(() =>
        {
            Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.InvalidValue, "$.ts")));
            Assert.That(ex.Detail, Does.Contain("2026-11-26T04:00:00"));
        });
    }

    [Test]
    public void Decode_SubMillisecondTimestamp_DecodesToWhatEncodeWrites()
    {
        var json = """{"v":1,"state":"online","session":3,"ts":"2026-11-26T04:00:00.1239Z"}""";
        var once = JsonCodec.DecodeState(Encoding.UTF8.GetBytes(json));
        var twice = JsonCodec.DecodeState(JsonCodec.Encode(once));
        Assert.That(twice, Is.EqualTo(once));
    }
}
