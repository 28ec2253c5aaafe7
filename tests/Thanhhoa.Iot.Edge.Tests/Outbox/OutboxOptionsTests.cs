using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Outbox;

[TestFixture]
public sealed class OutboxOptionsTests
{
    [Test]
    [Category("Unit")]
    public void Validate_Defaults_Succeed()
    {
        var result = new OutboxOptionsValidator().Validate(null, new OutboxOptions());
        Assert.That(result.Succeeded, Is.True);
        Assert.That(new OutboxOptions().QuotaBytes, Is.EqualTo(256L * 1024 * 1024));
    }

    [Test]
    [Category("Unit")]
    public void Validate_TinyQuotaAndPathInFileName_FailNamingKeyAndValue()
    {
        var result = new OutboxOptionsValidator().Validate(null, new OutboxOptions { QuotaBytes = 1000, FileName = "x/outbox.db", MaxBatchRows = 0 });
        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("Outbox:QuotaBytes 1000").And.Contain("Outbox:FileName 'x/outbox.db'").And.Contain("Outbox:MaxBatchRows 0"));
    }

    [Test]
    [Category("Unit")]
    public void DropOldestReadingsPolicy_Decide_DropsOldestUntilEnoughBytes()
    {
        var offered = Enumerable.Range(1, 10)
            .Select(i => new StoredReading(i, "battery_v", OutboxTestFactory.Start, 1, Thanhhoa.Iot.Contracts.Messages.Quality.Good, 100))
            .ToList();
        var decision = new DropOldestReadingsPolicy().Decide(new RetentionContext(250, offered, 1000));
        Assert.That(decision.DropReadings, Is.EqualTo(new long[] { 1, 2, 3 }));
    }

    [Test]
    [Category("Integration")]
    public void AddLiteDbOutbox_InvalidSection_HostFailsOnStart()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Outbox:QuotaBytes"] = "5" }).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddLiteDbOutbox(config.GetSection(OutboxOptions.SectionName));
        using var host = builder.Build();

        var error = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.That(error!.Message, Does.Contain("Outbox:QuotaBytes 5"));
    }

    [Test]
    [Category("Integration")]
    public async Task AddLiteDbOutbox_ValidSection_ResolvesWorkingOutboxOnConfiguredDirectory()
    {
        using var dir = new TempDirectory("thiot-outbox-di");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Outbox:DataDirectory"] = dir.Path }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddLiteDbOutbox(config.GetSection(OutboxOptions.SectionName));
        await using var provider = services.BuildServiceProvider();

        var outbox = provider.GetRequiredService<IOutbox>();
        var seq = await outbox.AppendEventAsync(OutboxTestFactory.Event(), CancellationToken.None);

        Assert.That(outbox, Is.SameAs(provider.GetRequiredService<LiteDbOutbox>()));
        Assert.That(seq, Is.EqualTo(1));
        Assert.That(File.Exists(dir.File("outbox.db")), Is.True);
    }
}
