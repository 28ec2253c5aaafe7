using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Broker;
using Thanhhoa.Iot.Cloud.Ingest;

namespace Thanhhoa.Iot.Cloud.Coordination;

/// <summary>
/// Keeps a dead node's broker session from stranding messages. Each node ingests through its own
/// persistent MQTT session (its Broker:External:ClientId) on the shared subscription. mosquitto (2.0)
/// keeps assigning a share of new messages to a member whose session persists while it is
/// disconnected, and keeps its unacknowledged ones; they would wait until that node came back, or be
/// lost when the session expired. So every node renews a liveness lease for its client id, and when a
/// lease expires another node connects with the dead member's client id (session present: the broker
/// redelivers everything queued and unacknowledged), ingests under it, and hands it back, by stopping,
/// as soon as the owner renews its lease again.
/// </summary>
public sealed class IngestMembership(
    IConfiguration configuration,
    IOptions<BrokerOptions> broker,
    IOptions<CoordinationOptions> coordination,
    ILeaseStore leases,
    IngestPipeline pipeline,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly Dictionary<string, ExternalBrokerIngest> _adopted = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggers.CreateLogger<IngestMembership>();
    private readonly string _nodeId = coordination.Value.NodeId;
    private readonly TimeSpan _ttl = coordination.Value.MemberLeaseTtl;

    private string MemberPrefix => IngestMemberLeases.MemberPrefix(broker.Value.External.SharedGroup);

    private string OwnClientId => broker.Value.External.ClientId;

    /// <summary>Client ids of the dead members this node ingests for right now.</summary>
    public IReadOnlyCollection<string> Adopted
    {
        get
        {
            lock (_adopted)
            {
                return _adopted.Keys.ToList();
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                CoordinationLog.MembershipFailed(_logger, ex, _nodeId);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            try
            {
                await Task.Delay(_ttl / 3, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        foreach (var clientId in Adopted)
        {
            await HandBackAsync(clientId, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        await leases.TryAcquireAsync(MemberPrefix + OwnClientId, OwnClientId, _ttl, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        foreach (var member in await leases.ListAsync(MemberPrefix, cancellationToken).ConfigureAwait(false))
        {
            var clientId = member.Name[MemberPrefix.Length..];
            if (clientId == OwnClientId)
            {
                continue;
            }

            var alive = member.ExpiresAt > now;
            var adopted = Adopted.Contains(clientId);
            if (adopted && (alive || !await leases.TryAcquireAsync(AdoptLease(clientId), _nodeId, _ttl, cancellationToken).ConfigureAwait(false)))
            {
                CoordinationLog.HandingBack(_logger, clientId, _nodeId);
                await HandBackAsync(clientId, cancellationToken).ConfigureAwait(false);
            }
            else if (!adopted && !alive && await leases.TryAcquireAsync(AdoptLease(clientId), _nodeId, _ttl, cancellationToken).ConfigureAwait(false))
            {
                CoordinationLog.Adopting(_logger, clientId, _nodeId);
                await AdoptAsync(clientId, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private string AdoptLease(string clientId) => IngestMemberLeases.AdoptPrefix(broker.Value.External.SharedGroup) + clientId;

    private async Task AdoptAsync(string clientId, CancellationToken cancellationToken)
    {
        // Bound from the same section, so every connection setting (credentials, TLS later) carries over.
        var options = new BrokerOptions();
        configuration.GetSection(BrokerOptions.Section).Bind(options);
        options.External.ClientId = clientId;

        // Slower to reconnect than a membership check: when the owner takes its session back, this
        // instance is stopped before it could take it over again.
        options.External.ReconnectMinDelay = _ttl;
        options.External.ReconnectMaxDelay = _ttl > options.External.ReconnectMaxDelay ? _ttl : options.External.ReconnectMaxDelay;
        var ingest = new ExternalBrokerIngest(Options.Create(options), pipeline, time, loggers.CreateLogger<ExternalBrokerIngest>());
        lock (_adopted)
        {
            _adopted[clientId] = ingest;
        }

        await ingest.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task HandBackAsync(string clientId, CancellationToken cancellationToken)
    {
        ExternalBrokerIngest? ingest;
        lock (_adopted)
        {
            _adopted.Remove(clientId, out ingest);
        }

        if (ingest is not null)
        {
            await ingest.StopAsync(cancellationToken).ConfigureAwait(false);
            ingest.Dispose();
        }

        await leases.ReleaseAsync(AdoptLease(clientId), _nodeId, CancellationToken.None).ConfigureAwait(false);
    }
}
