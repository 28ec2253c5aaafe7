using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Rules;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Sensing.Fakes;
using Thanhhoa.Iot.Edge.Sensing.Filtering;
using Thanhhoa.Iot.Edge.Sensing.Gpio;
using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.Profiles;

/// <summary>The documented profiles, as shipped, validate and run on the fake hardware through the real drivers.</summary>
[TestFixture]
[Category("Unit")]
public sealed class ExampleProfilesTests
{
    [TestCase("bts-site.json", 14, 1)]
    [TestCase("hamlet-station.json", 4, 0)]
    public void Check_ShippedProfile_IsValid(string file, int inputs, int outputs)
    {
        var profile = Load(file).GetSection("Site").Get<SiteProfileOptions>()!;

        Assert.Multiple(() =>
        {
            Assert.That(SiteProfileValidator.Check(profile), Is.Empty);
            Assert.That(profile.Channels.Count(c => c.Driver != ChannelDrivers.GpioOut), Is.EqualTo(inputs));
            Assert.That(profile.Channels.Count(c => c.Driver == ChannelDrivers.GpioOut), Is.EqualTo(outputs));
        });
    }

    [TestCase("bts-site.json", new[] { AlarmCodes.MainsFail, AlarmCodes.OnBattery, AlarmCodes.GeneratorRunning, AlarmCodes.SiteDown })]
    [TestCase("hamlet-station.json", new[] { AlarmCodes.SiteDown })]
    public void Create_ShippedProfile_RunsTheRulesTheUptimeLedgerNeeds(string file, string[] ledgerCodes)
    {
        var profile = Load(file).GetSection("Site").Get<SiteProfileOptions>()!;

        var codes = AlarmRuleFactory.Create(profile.Alarms, new Dictionary<string, IOutputChannel>()).Select(r => r.Code);

        Assert.That(codes, Is.SupersetOf(ledgerCodes));
    }

    [TestCase("bts-site.json")]
    [TestCase("hamlet-station.json")]
    public async Task AddSiteProfile_ShippedProfileOnFakeHardware_EveryChannelReadsGoodAndNoAlarm(string file)
    {
        var outbox = new RecordingOutbox();
        await using var services = Compose(file, outbox);
        var channels = services.GetServices<ISensorChannel>().ToList();

        var readings = new List<SensorReading>();
        foreach (var channel in channels)
        {
            readings.Add(await channel.ReadAsync(CancellationToken.None));
        }

        await services.GetRequiredService<IReadingSink>().AcceptAsync(readings, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(readings.Where(r => r.Quality != Quality.Good), Is.Empty);
            Assert.That(services.GetRequiredService<IReadingSink>(), Is.InstanceOf<SitePipeline>());
            Assert.That(outbox.Readings, Has.Count.EqualTo(channels.Count), "first readings all pass report by exception");
            Assert.That(outbox.Events, Is.Empty, "the fake site starts healthy");
        });
    }

    [Test]
    public async Task AddSiteProfile_BtsOnFakeHardware_MainsCutRaisesThroughTheRealGpioPath()
    {
        var outbox = new RecordingOutbox();
        await using var services = Compose("bts-site.json", outbox);
        var hardware = services.GetRequiredService<FakeSiteHardware>();
        var mains = services.GetServices<ISensorChannel>().Single(c => c.Id == "mains");
        var generatorStart = services.GetServices<IOutputChannel>().Single();

        var before = await mains.ReadAsync(CancellationToken.None);
        var digital = services.GetRequiredService<SiteChannels>().DigitalInputs.Single(d => d.Id == "mains");
        var transition = new TaskCompletionSource<SensorReading>(TaskCreationOptions.RunContinuationsAsynchronously);
        digital.Transition += r => transition.TrySetResult(r);
        hardware.SetPin(5, high: true); // AC-sense relay drops out: the active-low input goes inactive
        hardware.SetPin(5, high: false); // contact bounce
        hardware.SetPin(5, high: true);
        var reading = await transition.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(generatorStart.Id, Is.EqualTo("gen_start"));
            Assert.That(before.Value, Is.EqualTo(1.0), "the fake site starts with mains present");
            Assert.That(reading.Value, Is.EqualTo(0.0));
        });
    }

    [Test]
    public async Task AddSiteProfile_ChipMissingAtStart_BadReadingsThenRecoversByItself()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 4, 4, 4, 0, 0, TimeSpan.Zero));
        var outbox = new RecordingOutbox();
        await using var services = Compose("hamlet-station.json", outbox, time);
        var chip = services.GetRequiredService<FakeSiteHardware>().Ina219(1, 0x40);
        chip.Unplugged = true; // before the channels are built
        var dcVolts = services.GetServices<ISensorChannel>().Single(c => c.Id == "dc_v");

        var missing = await dcVolts.ReadAsync(CancellationToken.None);
        chip.Unplugged = false;
        time.Advance(TimeSpan.FromSeconds(5)); // the hamlet profile's initial backoff
        var back = await dcVolts.ReadAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(missing.Quality, Is.EqualTo(Quality.Bad));
            Assert.That(back.Quality, Is.EqualTo(Quality.Good));
            Assert.That(back.Value, Is.EqualTo(12.4 * 1.08).Within(0.004), "seeded above the low-battery clear threshold");
        });
    }

    [Test]
    public async Task AddSiteProfile_BtsOnLinuxWithoutItsHardware_StillRunsAndReportsBadReadings()
    {
        using var w1 = new Thanhhoa.Iot.TestSupport.TempDirectory("thiot-w1-empty");
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(Load("bts-site.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Site:ModbusPorts:0:Device"] = "/nonexistent/ttyUSB9",
                ["Site:OneWireSysfsRoot"] = w1.Path,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IOutbox>(new RecordingOutbox());
        services.AddSiteProfile(configuration);
        await using var provider = services.BuildServiceProvider();

        var channels = provider.GetServices<ISensorChannel>().ToList();
        var outputs = provider.GetServices<IOutputChannel>().ToList();
        var readings = new List<SensorReading>();
        foreach (var channel in channels)
        {
            readings.Add(await channel.ReadAsync(CancellationToken.None));
        }

        Assert.Multiple(() =>
        {
            Assert.That(readings.Select(r => r.Channel), Is.EqualTo(channels.Select(c => c.Id)));
            Assert.That(outputs.Select(o => o.Id), Is.EqualTo(new[] { "gen_start" }));
            Assert.That(readings.Where(r => r.Channel.StartsWith("ac_", StringComparison.Ordinal) || r.Channel == "battery_t").Select(r => r.Quality), Is.All.EqualTo(Quality.Bad));
        });
    }

    private static ServiceProvider Compose(string file, IOutbox outbox, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(Load(file))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Site:Hardware"] = SiteHardwareKinds.Fake })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(outbox);
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSiteProfile(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static IConfigurationRoot Load(string file) =>
        new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "profiles", file), optional: false).Build();
}
