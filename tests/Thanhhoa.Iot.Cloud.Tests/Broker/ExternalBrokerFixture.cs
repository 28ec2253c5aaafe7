using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Tests.Hosting;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Mosquitto;

namespace Thanhhoa.Iot.Cloud.Tests.Broker;

/// <summary>
/// Tests of the external-broker shape: a private mosquitto and data directory per test, and a cloud started
/// in external mode that is returned only once it subscribed at mosquitto.
/// </summary>
public abstract class ExternalBrokerFixture(string directoryPrefix)
{
    protected const string ReadingsPath = "/api/devices/gw-1/readings?from=2026-11-26T00:00:00Z&to=2026-11-27T00:00:00Z";

    protected TempDirectory Dir { get; private set; } = null!;

    protected MosquittoBroker Mosquitto { get; private set; } = null!;

    [SetUp]
    public async Task StartMosquittoAsync()
    {
        Dir = new TempDirectory(directoryPrefix);
        Mosquitto = await MosquittoBroker.StartAsync();
    }

    [TearDown]
    public async Task StopMosquittoAsync()
    {
        await Mosquitto.DisposeAsync();
        Dir.Dispose();
    }

    // The subscription completes inside the cloud talking to an external process; poll it with a deadline.
    internal static async Task WaitUntilSubscribedAsync(CloudHost cloud, MosquittoBroker mosquitto, TimeSpan? within = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!cloud.Broker.IsReady)
        {
            if (deadline.Elapsed > (within ?? TimeSpan.FromSeconds(15)))
            {
                Assert.Fail($"The cloud never subscribed at mosquitto: {cloud.Broker.Description}. mosquitto said: {mosquitto.Output}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Starts the cloud against this test's mosquitto and waits until it subscribed (disposing it if it never does).</summary>
    protected async Task<CloudHost> StartCloudAsync(Action<IServiceCollection>? overrideServices = null, params string[] args)
    {
        var cloud = await CloudHost.StartExternalAsync(Dir.Path, Mosquitto.Host, Mosquitto.Port, overrideServices, args);
        try
        {
            await WaitUntilSubscribedAsync(cloud, Mosquitto);
            return cloud;
        }
        catch
        {
            await cloud.DisposeAsync();
            throw;
        }
    }
}
