using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Commands.Interlocks;

namespace Thanhhoa.Iot.Edge.Tests.Commands;

[TestFixture]
[Category("Unit")]
public sealed class SiteInterlockOptionsTests
{
    [Test]
    public void Validate_ExampleBtsProfile_InterlocksNameRealOutputsAndInputs()
    {
        var options = Bind(new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "profiles", "bts-site.json")).Build());
        Assert.Multiple(() =>
        {
            Assert.That(options.Interlocks.Select(i => (i.Output, i.Channel)), Is.EqualTo(new[] { ("gen_start", "mains"), ("gen_start", "door") }));
            Assert.That(new SiteInterlockOptionsValidator().Validate(null, options).Succeeded, Is.True);
        });
    }

    [Test]
    public void Validate_UnknownOutputAndChannel_FailsNamingWhatExists()
    {
        var options = Bind(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Site:Channels:0:Id"] = "mains", ["Site:Channels:0:Driver"] = "gpio-in",
            ["Site:Channels:1:Id"] = "gen_start", ["Site:Channels:1:Driver"] = "gpio-out",
            ["Site:Interlocks:0:Output"] = "siren", ["Site:Interlocks:0:Channel"] = "grid", ["Site:Interlocks:0:RefuseIf"] = "over",
            ["Site:Interlocks:0:Reason"] = "",
        }).Build());

        var result = new SiteInterlockOptionsValidator().Validate(null, options);
        Assert.That(result.Failures, Has.Some.Contains("Output 'siren'").And.Some.Contains("gen_start"));
        Assert.That(result.Failures, Has.Some.Contains("Channel 'grid'").And.Some.Contains("RefuseIf 'over'").And.Some.Contains("Reason"));
    }

    private static SiteInterlockOptions Bind(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddOptions<SiteInterlockOptions>().Bind(configuration.GetSection("Site"));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SiteInterlockOptions>>().Value;
    }
}
