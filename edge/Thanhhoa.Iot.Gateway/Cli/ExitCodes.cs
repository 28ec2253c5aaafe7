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

    /// <summary>provision: the cloud refused the token (unknown, already used, expired or revoked).</summary>
    public const int ProvisionTokenRefused = 10;

    /// <summary>provision: the token is bound to another site than --site.</summary>
    public const int ProvisionSiteMismatch = 11;

    /// <summary>provision: the cloud could not be reached (the token was not used).</summary>
    public const int ProvisionCloudUnreachable = 12;

    /// <summary>provision: the cloud answered with an error.</summary>
    public const int ProvisionCloudError = 13;

    /// <summary>provision: the credentials or configuration could not be written.</summary>
    public const int ProvisionLocalFiles = 14;

    /// <summary>provision: the cloud URL is plain http:// to another machine.</summary>
    public const int ProvisionInsecureUrl = 15;
}
