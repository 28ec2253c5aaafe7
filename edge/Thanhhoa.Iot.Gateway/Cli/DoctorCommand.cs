using System.CommandLine;
using Thanhhoa.Iot.Edge.Diagnostics.Checks;
using Thanhhoa.Iot.Edge.Diagnostics.Doctor;
using Thanhhoa.Iot.Edge.Diagnostics.Text;

namespace Thanhhoa.Iot.Gateway.Cli;

/// <summary>
/// <c>thgw doctor</c>: is this gateway ready to work at this site? Configuration, data directory,
/// clock, broker reachability and every configured channel, each with what to fix. Exit code = the
/// number of failed checks (capped), 0 when healthy.
/// </summary>
internal static class DoctorCommand
{
    private static readonly TimeSpan BrokerStepTimeout = TimeSpan.FromSeconds(5);

    public static Command Create(Texts texts)
    {
        var command = new Command("doctor", texts[TextKey.DoctorDescription]);
        command.SetAction((_, cancellationToken) => RunAsync(texts, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Texts texts, CancellationToken cancellationToken)
    {
        TechnicianComposition composition;
        try
        {
            composition = TechnicianComposition.Create();
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or IOException)
        {
            var printer = new CheckPrinter(texts);
            printer.Finished(CheckResult.Fail("config", ex.Message, texts.Format(TextKey.ConfigFix, GatewayConfiguration.Sources)));
            return ExitCodes.Failure;
        }

        await using (composition.ConfigureAwait(false))
        {
            var gateway = composition.Gateway;
            Console.WriteLine(texts.Format(TextKey.DoctorHeader, Shown(gateway.DeviceId), GatewayConfiguration.Sources));
            var printer = new CheckPrinter(texts);
            var results = await CheckRunner.RunAsync(Checks(texts, composition), texts, printer.Starting, printer.Finished, cancellationToken).ConfigureAwait(false);
            var failed = results.Count(r => !r.Passed);
            Console.WriteLine(failed == 0 ? texts.Format(TextKey.DoctorHealthy, results.Count) : texts.Format(TextKey.DoctorProblems, failed, results.Count));
            return Math.Min(failed, ExitCodes.MaxDoctorFailures);
        }
    }

    private static IEnumerable<IDiagnosticCheck> Checks(Texts texts, TechnicianComposition composition)
    {
        var time = TimeProvider.System;
        var gateway = composition.Gateway;
        var uplink = composition.Uplink;
        yield return new ConfigurationCheck(texts, composition.Validate, GatewayConfiguration.Sources);
        yield return new DataDirectoryCheck(texts, gateway.DataDirectory, DataDirectoryCheck.DefaultMinimumFreeBytes);
        yield return new ClockPlausibilityCheck(texts, time, gateway.DataDirectory);
        yield return new BrokerCheck(texts, time, new BrokerTarget(uplink.Host, uplink.Port, uplink.UseTls, BrokerStepTimeout, GatewayConfiguration.Sources, uplink.CaCertificateFile));
        var (channels, error) = composition.Channels();
        if (channels.Count == 0)
        {
            yield return new NoChannelsCheck(texts, error);
            yield break;
        }

        foreach (var channel in channels)
        {
            yield return new SensorChannelCheck(texts, time, channel, composition.ReadTimeout);
        }
    }

    private static string Shown(string? value) => string.IsNullOrEmpty(value) ? "—" : value;
}
