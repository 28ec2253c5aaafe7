using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Rules;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Sensing.Profiles;
using Thanhhoa.Iot.Edge.Sensing.Simulation;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.Simulation;

/// <summary>
/// The shipped BTS profile on fake hardware moved by a simulated site, composed as a gateway composes
/// it (AddSiteProfile + AddSimulatedSite) over a real LiteDbOutbox in a temp directory, on a
/// FakeTimeProvider. The test plays the poller: it steps the clock a second at a time (the ticker
/// moves the hardware, debounce and alarm timers fire) and every poll interval reads every input
/// channel through its real driver into the real pipeline, awaiting each step; no sleeps.
/// </summary>
internal sealed class SimulatedBtsSite : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(5);

    // Between two reads on the RS-485 line the master keeps the 3.5-character silence on the clock it is given.
    private static readonly TimeSpan BetweenReads = TimeSpan.FromMilliseconds(5);

    private readonly TempDirectory _dir = new("thiot-simsite");
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _started = [];
    private DateTimeOffset _nextPoll;

    private SimulatedBtsSite(Dictionary<string, string?> simulation)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "profiles", "bts-site.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Site:Hardware"] = SiteHardwareKinds.Fake,
                ["Simulation:Enabled"] = "true",
                ["Outbox:DataDirectory"] = _dir.Path,
            })
            .AddInMemoryCollection(simulation)
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Time);
        services.AddLiteDbOutbox(configuration.GetSection("Outbox"));
        services.AddSiteProfile(configuration);
        services.AddSimulatedSite(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _nextPoll = Start;
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public IOutbox Outbox => _services.GetRequiredService<IOutbox>();

    public SimulatedSiteDriver Driver => _services.GetRequiredService<SimulatedSiteDriver>();

    public T Services<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>What the last poll read, by channel.</summary>
    public IReadOnlyDictionary<string, SensorReading> LastPoll { get; private set; } = new Dictionary<string, SensorReading>();

    public TimeSpan Elapsed => Time.GetUtcNow() - Start;

    /// <summary>Composes and starts the site (validation, the simulation's hosted service) and takes the first poll.</summary>
    public static async Task<SimulatedBtsSite> StartAsync(Dictionary<string, string?> simulation)
    {
        var site = new SimulatedBtsSite(simulation);
        site._services.GetRequiredService<IStartupValidator>().Validate();
        foreach (var hosted in site._services.GetServices<IHostedService>().OfType<SimulatedSiteService>())
        {
            await hosted.StartAsync(CancellationToken.None);
            site._started.Add(hosted);
        }

        await site.RunUntilAsync(TimeSpan.Zero);
        return site;
    }

    /// <summary>Steps the clock a second at a time up to <paramref name="elapsed"/> after the start, polling on schedule.</summary>
    public async Task RunUntilAsync(TimeSpan elapsed)
    {
        while (true)
        {
            if (Time.GetUtcNow() >= _nextPoll)
            {
                await PollAsync();
                _nextPoll += PollEvery;
            }

            if (Elapsed >= elapsed)
            {
                break;
            }

            Time.Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromTicks((Time.GetUtcNow() - Start).Ticks % TimeSpan.TicksPerSecond));
        }

        // Alarm evaluations fired by timers hold or queue on the engine's gate; this waits them out.
        await _services.GetRequiredService<AlarmEngine>().ObserveAsync([], CancellationToken.None);
    }

    /// <summary>The events in the outbox, oldest first.</summary>
    public IReadOnlyList<DeviceEvent> Events() => Outbox.PeekEvents(1_000);

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _started)
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
        _dir.Dispose();
    }

    private async Task PollAsync()
    {
        var readings = new List<SensorReading>();
        foreach (var channel in _services.GetServices<ISensorChannel>())
        {
            readings.Add(await channel.ReadAsync(CancellationToken.None));
            Time.Advance(BetweenReads);
        }

        LastPoll = readings.ToDictionary(r => r.Channel);
        await _services.GetRequiredService<IReadingSink>().AcceptAsync(readings, CancellationToken.None);
    }
}
