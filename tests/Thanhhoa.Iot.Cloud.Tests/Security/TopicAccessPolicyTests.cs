using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Broker;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

[TestFixture]
[Category("Unit")]
public sealed class TopicAccessPolicyTests
{
    private static readonly ClientIdentity Device = new("gw-a", ClientRole.Device);

    [TestCase("thiot/v1/gw-a/up/telemetry", true)]
    [TestCase("thiot/v1/gw-a/up/state", true)]
    [TestCase("thiot/v1/gw-b/up/telemetry", false)]
    [TestCase("thiot/v1/gw-a/down/cmd", false)]
    [TestCase("thiot/v1/gw-a/up/", false)]
    [TestCase("thiot/v1/gw-a/up/+", false)]
    [TestCase("thiot/v1/gw-a/up/#", false)]
    [TestCase("thiot/v1/gw-ab/up/telemetry", false)]
    [TestCase("thiot/v1/gw-a", false)]
    [TestCase("$SYS/broker", false)]
    [TestCase("", false)]
    public void MayPublish_Device_OnlyUnderOwnUp(string topic, bool allowed) =>
        Assert.That(TopicAccessPolicy.MayPublish(Device, topic), Is.EqualTo(allowed));

    [TestCase("thiot/v1/gw-a/down/#", true)]
    [TestCase("thiot/v1/gw-a/down/cmd", true)]
    [TestCase("thiot/v1/gw-a/down/+", true)]
    [TestCase("thiot/v1/gw-b/down/#", false)]
    [TestCase("thiot/v1/+/down/#", false)]
    [TestCase("thiot/v1/#", false)]
    [TestCase("#", false)]
    [TestCase("+/v1/gw-a/down/#", false)]
    [TestCase("$share/g/thiot/v1/gw-a/down/#", false)]
    [TestCase("$SYS/#", false)]
    [TestCase("thiot/v1/gw-a/up/#", false)]
    [TestCase("thiot/v1/gw-a/down", false)]
    [TestCase("thiot/v1/gw-a/down/", false)]
    public void MaySubscribe_Device_OnlyInsideOwnDown(string filter, bool allowed) =>
        Assert.That(TopicAccessPolicy.MaySubscribe(Device, filter), Is.EqualTo(allowed));

    [Test]
    public void Service_AnyTopic_Allowed()
    {
        var service = new ClientIdentity("thiot-cloud", ClientRole.Service);
        Assert.Multiple(() =>
        {
            Assert.That(TopicAccessPolicy.MayPublish(service, "thiot/v1/gw-a/down/cmd"), Is.True);
            Assert.That(TopicAccessPolicy.MaySubscribe(service, "$share/ingest/thiot/v1/+/up/#"), Is.True);
        });
    }
}
