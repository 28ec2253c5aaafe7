using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Broker;

namespace Thanhhoa.Iot.Cloud.Tests.Broker;

[TestFixture]
[Category("Unit")]
public sealed class ConnectionTrackerTests
{
    [Test]
    public void Disconnected_CurrentConnectionWithBirth_ReturnsItsSession()
    {
        var tracker = new ConnectionTracker();
        tracker.Connected("gw-1", "127.0.0.1:5000");
        tracker.BirthReceived("gw-1", 7);
        Assert.Multiple(() =>
        {
            Assert.That(tracker.Disconnected("gw-1", "127.0.0.1:5000"), Is.EqualTo(7));
            Assert.That(tracker.Count, Is.Zero);
        });
    }

    [Test]
    public void Disconnected_LateEventOfReplacedConnection_ReturnsNullAndKeepsNewOne()
    {
        var tracker = new ConnectionTracker();
        tracker.Connected("gw-1", "127.0.0.1:5000");
        tracker.BirthReceived("gw-1", 7);
        tracker.Connected("gw-1", "127.0.0.1:5001");
        tracker.BirthReceived("gw-1", 8);
        Assert.Multiple(() =>
        {
            Assert.That(tracker.Disconnected("gw-1", "127.0.0.1:5000"), Is.Null);
            Assert.That(tracker.Count, Is.EqualTo(1));
        });
    }

    [Test]
    public void Disconnected_NoBirthOnConnection_ReturnsNull()
    {
        var tracker = new ConnectionTracker();
        tracker.Connected("gw-1", "127.0.0.1:5000");
        Assert.That(tracker.Disconnected("gw-1", "127.0.0.1:5000"), Is.Null);
    }
}
