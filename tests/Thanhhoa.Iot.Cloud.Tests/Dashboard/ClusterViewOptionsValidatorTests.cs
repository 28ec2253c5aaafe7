using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Dashboard.Postgres;

namespace Thanhhoa.Iot.Cloud.Tests.Dashboard;

[TestFixture]
[Category("Unit")]
public sealed class ClusterViewOptionsValidatorTests
{
    [Test]
    public void Validate_Defaults_Succeeds() =>
        Assert.That(new ClusterViewOptionsValidator().Validate(null, new ClusterViewOptions()).Succeeded, Is.True);

    [TestCase(0, 10_000, "PollInterval")]
    [TestCase(2_000, 1_000, "Overlap")]
    public void Validate_UnworkableSetting_FailsNamingTheKey(int pollMs, int overlapMs, string key)
    {
        var options = new ClusterViewOptions { PollInterval = TimeSpan.FromMilliseconds(pollMs), Overlap = TimeSpan.FromMilliseconds(overlapMs) };

        var result = new ClusterViewOptionsValidator().Validate(null, options);

        Assert.That(result.FailureMessage, Does.Contain($"Dashboard:Cluster:{key}"));
    }
}
