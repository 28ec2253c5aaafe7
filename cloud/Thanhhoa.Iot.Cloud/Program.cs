using Thanhhoa.Iot.Cloud.Apis;
using Thanhhoa.Iot.Cloud.Artifacts;
using Thanhhoa.Iot.Cloud.Broker;
using Thanhhoa.Iot.Cloud.Dashboard;
using Thanhhoa.Iot.Cloud.Commands;
using Thanhhoa.Iot.Cloud.DesiredConfig;
using Thanhhoa.Iot.Cloud.Hosting;
using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Cloud.DataBudget;
using Thanhhoa.Iot.Cloud.LossLedger;
using Thanhhoa.Iot.Cloud.Metrics;
using Thanhhoa.Iot.Cloud.Rollouts;
using Thanhhoa.Iot.Cloud.Security;
using Thanhhoa.Iot.Cloud.Storage;

await Thanhhoa.Iot.Cloud.CloudApp.Build(args).RunAsync();

namespace Thanhhoa.Iot.Cloud
{
    /// <summary>
    /// Composes the cloud. Tests start this same composition on free ports (see CloudHost in the tests);
    /// a named class rather than a public <c>Program</c>, so projects that reference the cloud keep their own Program.
    /// </summary>
    public static class CloudApp
    {
        /// <param name="args">Command line; any configuration key can be given as <c>--Section:Key=value</c>.</param>
        /// <param name="overrideServices">Lets tests observe or replace services; null in production.</param>
        public static WebApplication Build(string[] args, Action<IServiceCollection>? overrideServices = null)
        {
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCloudMetrics().AddStorage(builder.Configuration).AddIngest(builder.Configuration)
                .AddCloudSecurity(builder.Configuration).AddBroker(builder.Configuration)
                .AddCloudApis().AddCloudHealth()
                .AddDashboard(builder.Configuration);
            builder.Services.AddCommands(builder.Configuration).AddDesiredConfig(builder.Configuration)
                .AddArtifacts(builder.Configuration).AddRollouts(builder.Configuration);
            overrideServices?.Invoke(builder.Services);

            var app = builder.Build();
            app.UseExceptionHandler();
            app.UseStatusCodePages();
            app.MapDashboard(); // first: its page and static files are public, its APIs are authorized below
            app.UseCloudSecurity();
            app.MapOpenApi();
            app.MapSecurityApis();
            app.MapDevicesApi().MapRejectsApi().MapCloudHealth().MapCloudMetrics();
            app.MapCommandsApi().MapConfigApi().MapArtifactsApi().MapRolloutsApi();
            app.MapLossLedgerApi();
            app.MapDataBudgetApi();
            return app.LogStartupBanner();
        }
    }
}
