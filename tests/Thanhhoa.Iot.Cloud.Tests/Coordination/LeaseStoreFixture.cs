using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Coordination;

namespace Thanhhoa.Iot.Cloud.Tests.Coordination;

/// <summary>A suite over two nodes' lease stores (<see cref="LeaseStorePair"/>) sharing one fake clock.</summary>
public abstract class LeaseStoreFixture(LeaseStorePair stores)
{
    protected FakeTimeProvider Time { get; } = new(TestMessages.T0);

    [OneTimeSetUp]
    public Task CreateStoresAsync() => stores.CreateAsync();

    [SetUp]
    public Task ResetStoresAsync() => stores.ResetAsync(Time);

    [TearDown]
    public Task CloseStoresAsync() => stores.CloseAsync();

    /// <summary>Two stores on one shared lease space (for a single node, the same instance twice).</summary>
    protected Task<(ILeaseStore A, ILeaseStore B)> OpenAsync() => stores.OpenAsync(Time);
}
