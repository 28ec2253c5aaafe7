using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Contracts.Codec;

/// <summary>Rules of <c>down/config</c> and <c>up/config-reported</c>.</summary>
public static partial class MessageValidator
{
    private const int MaxFieldLength = 200;

    /// <summary>Throws <see cref="ContractViolationException"/> unless the configuration obeys the contract.</summary>
    public static void Validate(DesiredConfigMessage config)
    {
        ArgumentNullException.ThrowIfNull(config);
        CheckVersion(config.Version);
        CheckConfigVersion(config.ConfigVersion, "$.version");
        Validate(config.Settings, "$.settings");
    }

    /// <summary>Throws <see cref="ContractViolationException"/> unless the settings obey the contract; <paramref name="at"/> prefixes the field paths.</summary>
    public static void Validate(ConfigSettings settings, string at = "$.settings")
    {
        if (settings is null)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, at, "settings is null; expected a settings object ({} for none)");
        }

        if (settings.UploadSeconds is { } upload)
        {
            CheckSeconds(upload, 0, at + ".uploadSeconds");
        }

        var channels = settings.Channels ?? new Dictionary<string, ChannelSettings>();
        if (channels.Count > ContractInfo.MaxConfigChannels)
        {
            throw new ContractViolationException(RejectReason.TooLarge, at + ".channels",
                $"{channels.Count} channels; a configuration may name at most {ContractInfo.MaxConfigChannels}");
        }

        foreach (var (id, channel) in channels)
        {
            CheckId(id, at + ".channels", "channel id");
            var path = $"{at}.channels.{id}";
            CheckChannel(NotNull(channel, path, "channel settings"), path);
        }
    }

    /// <summary>Throws <see cref="ContractViolationException"/> unless the report obeys the contract.</summary>
    public static void Validate(ConfigReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        CheckVersion(report.Version);
        CheckConfigVersion(report.ConfigVersion, "$.version");
        CheckDefined(report.Status, "$.status");
        CheckOptionalSeq(report.Seq);
        if (report.AppliedVersion is { } applied)
        {
            CheckConfigVersion(applied, "$.appliedVersion");
        }

        if (report.Status == ConfigReportStatus.Applied)
        {
            CheckApplied(report);
        }
        else
        {
            CheckRefused(report);
        }
    }

    private static void CheckChannel(ChannelSettings channel, string path)
    {
        if (channel.PollSeconds is { } poll)
        {
            CheckSeconds(poll, 1, path + ".pollSeconds");
        }

        var alarms = channel.Alarms ?? new Dictionary<string, AlarmThresholds>();
        if (alarms.Count > ContractInfo.MaxConfigAlarmsPerChannel)
        {
            throw new ContractViolationException(RejectReason.TooLarge, path + ".alarms",
                $"{alarms.Count} alarms; one channel may name at most {ContractInfo.MaxConfigAlarmsPerChannel}");
        }

        foreach (var (code, thresholds) in alarms)
        {
            CheckId(code, path + ".alarms", "alarm code");
            var at = $"{path}.alarms.{code}";
            var t = NotNull(thresholds, at, "thresholds");
            if (t.Raise is { } raise)
            {
                CheckFinite(raise, at + ".raise");
            }

            if (t.Clear is { } clear)
            {
                CheckFinite(clear, at + ".clear");
            }
        }
    }

    private static void CheckApplied(ConfigReport report)
    {
        if (report.AppliedVersion is { } applied && applied != report.ConfigVersion)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, "$.appliedVersion",
                $"an applied report of version {report.ConfigVersion} has appliedVersion {applied}; they must be equal");
        }

        if (report.Field is not null || report.Reason is not null)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, report.Field is not null ? "$.field" : "$.reason",
                "an applied report carries no field or reason; send them only with status refused");
        }
    }

    private static void CheckRefused(ConfigReport report)
    {
        if (report.Field is null)
        {
            throw new ContractViolationException(RejectReason.MissingField, "$.field",
                "a refused report must name the offending field, e.g. \"field\":\"$.settings.uploadSeconds\" ($ for the whole document)");
        }

        if (report.Reason is null)
        {
            throw new ContractViolationException(RejectReason.MissingField, "$.reason", "a refused report must say why in \"reason\"");
        }

        CheckText(report.Field, "$.field", MaxFieldLength);
        CheckText(report.Reason, "$.reason");
    }

    private static void CheckConfigVersion(long version, string at)
    {
        if (version < 1)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, at, $"configuration version {version} must be 1 or more");
        }
    }

    private static void CheckSeconds(int seconds, int min, string at)
    {
        if (seconds < min || seconds > ContractInfo.MaxConfigSeconds)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, at,
                $"{seconds} s is out of range; use {min}–{ContractInfo.MaxConfigSeconds} seconds");
        }
    }
}
