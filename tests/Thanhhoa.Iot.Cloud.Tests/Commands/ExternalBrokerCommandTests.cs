using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Commands;
using Thanhhoa.Iot.Cloud.Tests.Hosting;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Mosquitto;

namespace Thanhhoa.Iot.Cloud.Tests.Commands;

/// <summary>Commands and desired configuration through an external broker (mosquitto) instead of the embedded one.</summary>
[TestFixture]
[Category("Integration")]
public sealed class ExternalBrokerCommandTests
{
    [Test]
    public async Task Command_ViaMosquitto_ReachesTheGatewayAndItsResultIsStored()
    {
        using var dir = new TempDirectory("cloud-external-cmd");
        await using var mosquitto = await MosquittoBroker.StartAsync();
        var signals = new CommandSignals();
        await using var cloud = await CloudHost.StartExternalAsync(dir.Path, mosquitto.Host, mosquitto.Port, s => s.AddSingleton<ICommandObserver>(signals));
        await using var gw = new SimulatedGateway("gw-ext");
        await gw.ConnectAsync(mosquitto.Port);

        var created = await cloud.PostAsync<CreatedCommands>("/api/commands", new { deviceId = "gw-ext", type = "ping", expires = DateTimeOffset.UtcNow.AddMinutes(5) });
        var id = created.Commands.Single().Id;
        await signals.WaitForAsync(id, c => c.Status == CommandState.Succeeded);

        await cloud.PutAsync<Cloud.DesiredConfig.DeviceConfig>("/api/config/devices/gw-ext",
            System.Text.Json.JsonDocument.Parse("""{"settings":{"uploadSeconds":45}}""").RootElement.Clone());
        var config = await gw.Configs.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.That((config.ConfigVersion, config.Settings.UploadSeconds), Is.EqualTo((1L, (int?)45)));
    }
}
