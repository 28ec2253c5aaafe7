using System.CommandLine;
using Thanhhoa.Iot.Edge.Diagnostics.Status;
using Thanhhoa.Iot.Edge.Diagnostics.Text;

namespace Thanhhoa.Iot.Gateway.Cli;

/// <summary>
/// <c>thgw status</c>: who this gateway is, where it sends, and, when the service runs, its link and
/// outbox as it last wrote them to <c>status.json</c> in its data directory. Exit 0 when the service
/// runs (the file is fresh), 1 when it is stopped, hangs (stale file) or never ran.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(Texts texts)
    {
        var command = new Command("status", texts[TextKey.StatusDescription]);
        command.SetAction(_ => Run(texts));
        return command;
    }

    private static int Run(Texts texts)
    {
        var configuration = GatewayConfiguration.Build();
        var gateway = Bind<Edge.Hosting.GatewayOptions>(configuration, Edge.Hosting.GatewayOptions.SectionName);
        var uplink = Bind<Edge.Uplink.UplinkOptions>(configuration, Edge.Uplink.UplinkOptions.SectionName);
        var path = StatusFile.PathIn(gateway.DataDirectory);
        var status = StatusFile.TryRead(path, out var error);
        var now = TimeProvider.System.GetUtcNow();
        var view = new StatusView(texts, now);
        view.Identity(status?.DeviceId ?? gateway.DeviceId, status?.Site ?? gateway.Site);
        view.Broker(status?.Broker ?? $"{uplink.Host}:{uplink.Port}", status?.UseTls ?? uplink.UseTls);
        if (status is null)
        {
            view.NoStatus(path, error);
            return ExitCodes.Failure;
        }

        view.Service(status);
        view.Link(status.Link);
        view.Outbox(status.Outbox);
        view.Budget(status.Budget);
        return status.IsFresh(now) ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private static T Bind<T>(Microsoft.Extensions.Configuration.IConfiguration configuration, string section)
        where T : new()
    {
        var options = new T();
        try
        {
            Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection(section), options);
        }
        catch (InvalidOperationException)
        {
            // Unparsable values keep their defaults here; thgw doctor names them.
        }

        return options;
    }
}
