using Microsoft.Extensions.Logging;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Configuration;

/// <summary>
/// Puts a validated desired configuration into force: first on disk (so a restart keeps it), then the
/// alarm thresholds (every threshold rule gets the configured pair or falls back to its profile's),
/// then one swap of the snapshot the poller and uplink read. On construction it restores the stored
/// document, if it still fits the site profile, before anything polls.
/// </summary>
internal sealed class DesiredConfigApplier
{
    private readonly LocalConfigFacts _facts;
    private readonly AppliedConfigStore _store;
    private readonly AppliedConfiguration _holder = new();
    private readonly TimeProvider _time;

    public DesiredConfigApplier(LocalConfigFacts facts, AppliedConfigStore store, TimeProvider time, ILogger<DesiredConfigApplier> logger)
    {
        _facts = facts;
        _store = store;
        _time = time;
        Restore(logger);
    }

    /// <summary>The configuration in force; resolving it (as the poller does) restores the stored document first.</summary>
    public AppliedConfiguration Holder => _holder;

    public void Apply(DesiredConfigMessage config, byte[] payload)
    {
        _store.Save(payload);
        PutInForce(config);
    }

    private void PutInForce(DesiredConfigMessage config)
    {
        foreach (var rule in _facts.Thresholds)
        {
            var configured = config.Settings.Channels?.GetValueOrDefault(rule.Channel!)?.Alarms?.GetValueOrDefault(rule.Code);
            var (raise, clear) = DesiredConfigValidator.Effective(rule, configured);
            rule.Retune(raise, clear);
        }

        _holder.Publish(new AppliedConfig(config, _time.GetUtcNow()));
    }

    private void Restore(ILogger logger)
    {
        DesiredConfigMessage? stored;
        try
        {
            stored = _store.Load();
        }
        catch (Exception ex) when (ex is ContractViolationException or IOException)
        {
            ConfigurationLog.RestoreRefused(logger, _store.Path, ex.Message);
            return;
        }

        if (stored is null)
        {
            return;
        }

        if (DesiredConfigValidator.Validate(stored, _facts) is { } refusal)
        {
            ConfigurationLog.RestoreRefused(logger, _store.Path, $"{refusal.Field}: {refusal.Reason}");
            return;
        }

        PutInForce(stored);
        ConfigurationLog.Restored(logger, stored.ConfigVersion, _store.Path);
    }
}
