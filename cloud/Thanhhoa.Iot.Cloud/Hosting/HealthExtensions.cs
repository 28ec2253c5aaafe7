using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Thanhhoa.Iot.Cloud.Hosting;

public static class HealthExtensions
{
    public static IServiceCollection AddCloudHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<BrokerHealthCheck>("broker")
            .AddCheck<StoreHealthCheck>("store");
        return services;
    }

    /// <summary><c>/healthz</c>: 200 when healthy, 503 otherwise, with one line per check.</summary>
    public static IEndpointRouteBuilder MapCloudHealth(this IEndpointRouteBuilder app)
    {
        // Anonymous on purpose: load balancers and systemd probes carry no API key.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
