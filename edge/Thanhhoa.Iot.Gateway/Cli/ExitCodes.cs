namespace Thanhhoa.Iot.Gateway.Cli;

/// <summary>What thgw tells its caller (systemd, scripts, the technician's shell); listed in <c>thgw --help</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Success; for doctor: healthy; for status: the service runs.</summary>
    public const int Ok = 0;

    /// <summary>Failure; for selftest: a check failed; for status: the service is not running (or hangs); for sensors: a channel failed.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;

    /// <summary>doctor exits with the number of failed checks, at most this.</summary>
    public const int MaxDoctorFailures = 99;
}
