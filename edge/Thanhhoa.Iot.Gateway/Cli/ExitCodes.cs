namespace Thanhhoa.Iot.Gateway.Cli;

/// <summary>What thgw tells its caller (systemd, scripts, the technician's shell).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}
