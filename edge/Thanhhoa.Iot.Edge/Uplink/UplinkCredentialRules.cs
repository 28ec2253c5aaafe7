namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>Checks the provisioned credential files: present, the secret readable by its owner only, the CA pin used with TLS.</summary>
internal static class UplinkCredentialRules
{
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static void Validate(List<string> failures, UplinkOptions o)
    {
        if (!string.IsNullOrEmpty(o.PasswordFile))
        {
            if (string.IsNullOrEmpty(o.Username))
            {
                failures.Add("Uplink:PasswordFile is set but Uplink:Username is empty: set the device id as user name (thgw provision writes both).");
            }

            if (!string.IsNullOrEmpty(o.Password))
            {
                failures.Add("Uplink:Password and Uplink:PasswordFile are both set: keep only PasswordFile (the provisioned secret).");
            }

            if (!File.Exists(o.PasswordFile))
            {
                failures.Add($"Uplink:PasswordFile '{o.PasswordFile}' does not exist: run `thgw provision` again, or fix the path.");
            }
            else if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(o.PasswordFile) & GroupOrOther) != 0)
            {
                failures.Add($"Uplink:PasswordFile '{o.PasswordFile}' can be read by other users: run `chmod 600 {o.PasswordFile}` (and consider the secret exposed: re-provision).");
            }
        }

        if (!string.IsNullOrEmpty(o.CaCertificateFile))
        {
            if (!o.UseTls)
            {
                failures.Add("Uplink:CaCertificateFile is set but Uplink:UseTls is false: set UseTls=true (the CA pin is for TLS).");
            }

            if (!File.Exists(o.CaCertificateFile))
            {
                failures.Add($"Uplink:CaCertificateFile '{o.CaCertificateFile}' does not exist: run `thgw provision` again, or fix the path.");
            }
        }
    }
}
