namespace Thanhhoa.Iot.Contracts.Topics;

/// <summary>The topics under <c>thiot/v1/{deviceId}/</c>.</summary>
public enum TopicKind
{
    /// <summary><c>up/telemetry</c>: batch of readings, gateway → cloud.</summary>
    Telemetry,

    /// <summary><c>up/events</c>: alarm raise/clear and other events, gateway → cloud.</summary>
    Events,

    /// <summary><c>up/state</c>: birth (retained) and last-will death, gateway → cloud.</summary>
    State,

    /// <summary><c>up/cmd-result</c>: result of a command, gateway → cloud.</summary>
    CommandResult,

    /// <summary><c>up/config-reported</c>: applied configuration version or refusal, gateway → cloud.</summary>
    ConfigReported,

    /// <summary><c>up/firmware-reported</c>: progress and outcome of a firmware rollout, gateway → cloud.</summary>
    FirmwareReported,

    /// <summary><c>down/cmd</c>: a command, cloud → gateway.</summary>
    Command,

    /// <summary><c>down/config</c>: desired configuration (retained), cloud → gateway.</summary>
    Config,

    /// <summary><c>down/firmware</c>: desired firmware (retained), cloud → gateway.</summary>
    Firmware,
}
