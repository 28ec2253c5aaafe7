using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Uplink;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Uplink;

[TestFixture]
[Category("Unit")]
public sealed class SessionCounterTests
{
    [Test]
    public void Next_NewInstanceOnSameDirectory_ContinuesWhereTheLastStopped()
    {
        using var dir = new TempDirectory("session");
        var first = new SessionCounter(dir.Path, TimeProvider.System);
        Assert.That(new[] { first.Next(), first.Next() }, Is.EqualTo(new long[] { 1, 2 }));

        var afterRestart = new SessionCounter(dir.Path, TimeProvider.System);

        Assert.That(afterRestart.Next(), Is.EqualTo(3));
        Assert.That(File.Exists(afterRestart.FilePath + ".tmp"), Is.False, "the temp file was renamed into place");
    }

    [Test]
    public void Next_CounterFileGarbled_JumpsAboveAnyEarlierSessionAndSaysSo()
    {
        using var dir = new TempDirectory("session");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        File.WriteAllText(Path.Combine(dir.Path, SessionCounter.FileName), "\0\0garbage");
        string? told = null;
        var counter = new SessionCounter(dir.Path, time) { Recovered = m => told = m };

        var next = counter.Next();

        Assert.That(next, Is.EqualTo(time.GetUtcNow().ToUnixTimeSeconds() + 1));
        Assert.That(told, Does.Contain("not a number"));
    }
}
