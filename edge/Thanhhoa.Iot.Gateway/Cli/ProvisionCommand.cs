using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Edge.Diagnostics.Text;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Provisioning;

namespace Thanhhoa.Iot.Gateway.Cli;

/// <summary>
/// <c>thgw provision --cloud URL --token T [--site CODE] [--data DIR] [--config FILE]</c>: enrolls the
/// gateway (see <see cref="Provisioner"/>), printing one line per step, and exits with a code a script can
/// act on (see <see cref="ExitCodes"/>). The token and the secret are never printed.
/// </summary>
internal static class ProvisionCommand
{
    private static readonly TimeSpan CloudTimeout = TimeSpan.FromSeconds(30);

    public static Command Create(Texts texts)
    {
        var cloud = new Option<Uri>("--cloud") { Description = texts[TextKey.ProvisionCloudOption], Required = true, CustomParser = ParseUrl };
        var token = new Option<string>("--token") { Description = texts[TextKey.ProvisionTokenOption], Required = true };
        var site = new Option<string?>("--site") { Description = texts[TextKey.ProvisionSiteOption] };
        site.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } s && !ContractInfo.IsValidId(s))
            {
                r.AddError($"--site '{s}' is not a site code: use 1-{ContractInfo.MaxIdLength} of a-z, 0-9, '_' or '-'.");
            }
        });
        var data = new Option<string?>("--data") { Description = texts[TextKey.ProvisionDataOption] };
        var config = new Option<string?>("--config") { Description = texts[TextKey.ProvisionConfigOption] };
        var command = new Command("provision", texts[TextKey.ProvisionDescription]) { cloud, token, site, data, config };
        command.SetAction((parse, cancellationToken) =>
        {
            var plan = new ProvisionPlan(
                parse.GetValue(cloud)!,
                ReadToken(parse.GetValue(token)!),
                parse.GetValue(site),
                parse.GetValue(data) ?? DefaultDataDirectory(),
                parse.GetValue(config) ?? GatewayConfiguration.ConfigFile,
                GatewayCli.Version());
            return RunAsync(texts, plan, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(Texts texts, ProvisionPlan plan, CancellationToken cancellationToken)
    {
        var output = new ProvisionCommandOutput(texts);
        if (string.IsNullOrWhiteSpace(plan.Token))
        {
            return output.Failed(new ProvisioningException(ProvisioningFailure.TokenUnknown, texts[TextKey.ProvisionTokenMissing]), plan.Cloud);
        }

        if (Environment.IsPrivilegedProcess)
        {
            await Console.Error.WriteLineAsync(texts[TextKey.ProvisionRunningAsRoot]).ConfigureAwait(false);
        }

        using var http = new HttpClient { Timeout = CloudTimeout };
        try
        {
            await new Provisioner(new ProvisioningClient(http)).RunAsync(plan, output, cancellationToken).ConfigureAwait(false);
            Console.WriteLine(texts[TextKey.ProvisionDone]);
            return ExitCodes.Ok;
        }
        catch (ProvisioningException ex)
        {
            return output.Failed(ex, plan.Cloud);
        }
    }

    private static Uri? ParseUrl(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        result.AddError($"--cloud '{text}' is not an http(s) URL, e.g. https://iot.example.vn");
        return null;
    }

    /// <summary>'-' reads the token from standard input, so it stays out of the shell history and the process list.</summary>
    private static string ReadToken(string value) => value == "-" ? Console.In.ReadLine()?.Trim() ?? string.Empty : value.Trim();

    private static string DefaultDataDirectory()
    {
        var configured = GatewayConfiguration.Build().GetSection(GatewayOptions.SectionName)[nameof(GatewayOptions.DataDirectory)];
        return string.IsNullOrWhiteSpace(configured) ? new GatewayOptions().DataDirectory : configured;
    }
}
