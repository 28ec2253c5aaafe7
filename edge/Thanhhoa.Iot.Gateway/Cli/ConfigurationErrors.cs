using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Gateway.Cli;

/// <summary>Turns an options validation failure into text a technician can act on.</summary>
internal static class ConfigurationErrors
{
    public static string Describe(OptionsValidationException ex) =>
        "thgw: the configuration is not valid:\n  - " + string.Join("\n  - ", ex.Failures) +
        $"\nSet these in {RunCommand.SystemConfigFile} or as environment variables THGW_Section__Key.";
}
