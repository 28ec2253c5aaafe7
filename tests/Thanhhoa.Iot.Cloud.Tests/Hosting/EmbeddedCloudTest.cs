using NUnit.Framework;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Hosting;

/// <summary>Base of fixtures whose every test runs against a fresh real cloud (embedded broker, LiteDB) in its own folder.</summary>
public abstract class EmbeddedCloudTest(string folder)
{
    private TempDirectory? _dir;
    private CloudHost? _cloud;

    protected TempDirectory Dir => _dir ?? throw new InvalidOperationException("The cloud starts in SetUp.");

    protected CloudHost Cloud => _cloud ?? throw new InvalidOperationException("The cloud starts in SetUp.");

    [SetUp]
    public async Task StartCloudAsync()
    {
        _dir = new TempDirectory(folder);
        _cloud = await CloudHost.StartEmbeddedAsync(_dir.Path);
    }

    /// <summary>Stops the cloud and starts it again on the same data (a restart).</summary>
    protected async Task RestartCloudAsync()
    {
        await Cloud.DisposeAsync();
        _cloud = null;
        _cloud = await CloudHost.StartEmbeddedAsync(Dir.Path);
    }

    [TearDown]
    public async Task StopCloudAsync()
    {
        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }

        _dir?.Dispose();
    }
}
