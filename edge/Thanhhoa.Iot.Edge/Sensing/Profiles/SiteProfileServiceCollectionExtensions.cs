using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Rules;
using Thanhhoa.Iot.Edge.Sensing.Fakes;
using Thanhhoa.Iot.Edge.Sensing.Filtering;
using Thanhhoa.Iot.Edge.Sensing.Gpio;

namespace Thanhhoa.Iot.Edge.Sensing.Profiles;

/// <summary>Composition of the site profile: channels, alarm rules and the reading pipeline.</summary>
public static class SiteProfileServiceCollectionExtensions
{
    /// <summary>Key of the sink behind the pipeline (the outbox by default; register your own under this key first to replace it).</summary>
    public const string InnerSinkKey = "site-pipeline-inner";

    /// <summary>
    /// Registers the <c>Site</c> profile (validated on start), one <see cref="ISensorChannel"/> per
    /// input channel (health checked), one <see cref="IOutputChannel"/> per gpio-out channel,
    /// <see cref="SiteChannels"/>, the <see cref="AlarmEngine"/>, and <see cref="IReadingSink"/> =
    /// <see cref="SitePipeline"/> (alarms → report by exception → outbox). Needs an <see cref="IOutbox"/>.
    /// </summary>
    public static IServiceCollection AddSiteProfile(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SiteProfileOptions.SectionName);
        services.AddOptions<SiteProfileOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiteProfileOptions>, SiteProfileValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new FakeSiteHardware(Profile(sp)));
        services.TryAddSingleton<ISiteHardware>(sp => Profile(sp).Hardware == SiteHardwareKinds.Fake
            ? sp.GetRequiredService<FakeSiteHardware>()
            : new LinuxSiteHardware(Profile(sp)));
        services.TryAddSingleton<SensorChannelFactory>();
        services.TryAddSingleton(sp => sp.GetRequiredService<SensorChannelFactory>().Create(Profile(sp), sp.GetRequiredService<IOutbox>()));
        AddChannels(services, section.Get<SiteProfileOptions>() ?? new SiteProfileOptions());
        AddPipeline(services);
        return services;
    }

    private static SiteProfileOptions Profile(IServiceProvider sp) => sp.GetRequiredService<IOptions<SiteProfileOptions>>().Value;

    private static void AddChannels(IServiceCollection services, SiteProfileOptions declared)
    {
        foreach (var channel in declared.Channels)
        {
            var id = channel.Id;
            if (channel.Driver == ChannelDrivers.GpioOut)
            {
                services.AddSingleton<IOutputChannel>(sp => sp.GetRequiredService<SiteChannels>().Outputs[id]);
            }
            else
            {
                services.AddSingleton<ISensorChannel>(sp => sp.GetRequiredService<SiteChannels>().Input(id));
            }
        }
    }

    private static void AddPipeline(IServiceCollection services)
    {
        services.TryAddKeyedSingleton<IReadingSink>(InnerSinkKey, (sp, _) => new OutboxReadingSink(sp.GetRequiredService<IOutbox>()));
        services.TryAddSingleton(sp => new AlarmEngine(
            AlarmRuleFactory.Create(Profile(sp).Alarms, sp.GetRequiredService<SiteChannels>().Outputs),
            sp.GetRequiredService<IOutbox>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AlarmEngine>>()));
        services.TryAddSingleton(sp => new ReportByExceptionFilter(sp.GetRequiredService<SiteChannels>().ReportPolicies)
        {
            Widening = sp.GetService<Budget.DataBudget>() is { Options.Enabled: true } budget ? () => budget.ReportFactor : null,
        });
        services.TryAddSingleton(sp => new SitePipeline(
            sp.GetRequiredService<AlarmEngine>(),
            sp.GetRequiredService<ReportByExceptionFilter>(),
            sp.GetRequiredKeyedService<IReadingSink>(InnerSinkKey)));
        services.AddSingleton<IReadingSink>(sp => sp.GetRequiredService<SitePipeline>());
        services.AddHostedService(sp => new DigitalTransitionForwarder(
            sp.GetRequiredService<SiteChannels>().DigitalInputs,
            sp.GetRequiredService<SitePipeline>(),
            sp.GetRequiredService<ILogger<DigitalTransitionForwarder>>()));
    }
}
