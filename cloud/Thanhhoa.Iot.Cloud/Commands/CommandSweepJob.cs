using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Coordination;

namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>
/// Every Commands:SweepInterval, once across all cloud nodes (a singleton job under the lease store):
/// expires commands past their expiry and sends scheduled ones whose notBefore has come. Each run is one
/// idempotent store operation, so a missed or repeated period costs nothing.
/// </summary>
public sealed class CommandSweepJob(CommandService commands, IOptions<CloudCommandOptions> options) : ISingletonJob
{
    public string Name => "commands.sweep";

    public TimeSpan Interval => options.Value.SweepInterval;

    public Task RunAsync(long period, CancellationToken cancellationToken) => commands.SweepAsync(cancellationToken);
}
