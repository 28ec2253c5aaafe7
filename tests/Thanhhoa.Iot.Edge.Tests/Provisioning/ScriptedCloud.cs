using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Provisioning;

/// <summary>
/// A real HTTP server on a free loopback port (HttpListener) that answers <c>POST /api/provision</c> with
/// a scripted status and body, and records each request body, so the gateway's client is tested over HTTP.
/// </summary>
internal sealed class ScriptedCloud : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public ScriptedCloud(int status, string body)
    {
        Port = FreeTcpPort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(() => ServeAsync(status, body));
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public ConcurrentQueue<string> Requests { get; } = new();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was stopped while waiting for a request.
        }
    }

    private async Task ServeAsync(int status, string body)
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                Requests.Enqueue($"{context.Request.HttpMethod} {context.Request.Url?.AbsolutePath} {await reader.ReadToEndAsync()}");
            }

            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = status < 300 ? "application/json" : "application/problem+json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
