using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Cloud.Security;

/// <summary>Says loudly, at every start, that development mode is on.</summary>
public sealed class SecurityModeNotice(IOptions<SecurityOptions> options, ILogger<SecurityModeNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Mode == SecurityMode.Development)
        {
            SecurityLog.DevelopmentMode(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
