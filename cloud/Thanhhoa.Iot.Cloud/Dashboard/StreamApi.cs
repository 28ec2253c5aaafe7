namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>
/// <c>/api/stream</c>: server-sent events for the page. <c>site</c> carries a <see cref="SiteStatus"/> whenever a
/// site changes; <c>alarms</c> carries <c>{site, alarms}</c>, the site's full active alarm list. A comment line
/// every 15 s keeps proxies from closing an idle stream.
/// </summary>
public static class StreamApi
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapStreamApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stream", StreamAsync).WithTags("Live")
            .WithSummary("Server-sent events: 'site' (a site's new status) and 'alarms' ({site, alarms}) as ingest stores data.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return app;
    }

    public static async Task StreamAsync(HttpContext context, DashboardFeed feed, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ct = context.RequestAborted;
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var reader = feed.Subscribe(ct);
        await context.Response.WriteAsync(": connected\n\n", ct).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                using var timer = new CancellationTokenSource(KeepAlive, time);
                using var tick = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
                var more = await WaitAsync(reader, tick.Token, ct).ConfigureAwait(false);
                if (more is false)
                {
                    return; // Dropped for falling behind: the browser reconnects and reloads.
                }

                while (reader.TryRead(out var message))
                {
                    await context.Response.WriteAsync(message, ct).ConfigureAwait(false);
                }

                if (more is null)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", ct).ConfigureAwait(false);
                }

                await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page closed.
        }
    }

    /// <summary>True: messages are waiting; false: the stream was closed; null: the keep-alive interval passed.</summary>
    private static async Task<bool?> WaitAsync(System.Threading.Channels.ChannelReader<string> reader, CancellationToken tick, CancellationToken aborted)
    {
        try
        {
            return await reader.WaitToReadAsync(tick).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return null;
        }
    }
}
