using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Security.Authorization;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>Each role can do exactly what <see cref="ApiRoleTable"/> says, and gets 401/403 otherwise; every endpoint is in the table.</summary>
[TestFixture]
[Category("Integration")]
public sealed class ApiRoleTests
{
    private SecureCloud _cloud = null!;
    private ProvisionedDevice _a = null!;
    private ProvisionedDevice _b = null!;
    private Dictionary<Caller, HttpClient> _clients = null!;
    private string _operatorKey = null!;

    public static IEnumerable<TestCaseData> Cases() =>
        from rule in ApiRoleTable.Rules
        from caller in Enum.GetValues<Caller>()
        select new TestCaseData(rule, caller).SetName($"Call_{caller}_{rule.Method} {rule.Path.Replace('.', '_')}");

    [OneTimeSetUp]
    public async Task StartCloud()
    {
        _cloud = await SecureCloud.StartAsync("cloud-roles");
        _a = await _cloud.ProvisionDeviceAsync("site-a");
        _b = await _cloud.ProvisionDeviceAsync("site-b");
        foreach (var device in new[] { _a, _b })
        {
            using var client = await SecureMqtt.ConnectAsync(SecureMqtt.Options(_cloud.MqttPort, device.DeviceId, device.DeviceId, device.Secret).Build());
            await client.PublishQos1Async($"thiot/v1/{device.DeviceId}/up/telemetry", Encoding.UTF8.GetString(TestMessages.TelemetryJson(1, 1)));
        }

        _operatorKey = await _cloud.CreateKeyAsync(ApiRole.Operator);
        _clients = new()
        {
            [Caller.Anonymous] = _cloud.Anonymous,
            [Caller.Technician] = _cloud.WithKey(await _cloud.CreateKeyAsync(ApiRole.Technician, "site-a")),
            [Caller.Operator] = _cloud.WithKey(_operatorKey),
            [Caller.Admin] = _cloud.Admin,
        };
    }

    [OneTimeTearDown]
    public async Task StopCloud()
    {
        _clients[Caller.Technician].Dispose();
        _clients[Caller.Operator].Dispose();
        await _cloud.DisposeAsync();
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Call_EachRole_AllowedExactlyWhereTheTableSays(ApiRule rule, Caller caller)
    {
        var path = rule.Path.Replace("{a}", _a.DeviceId, StringComparison.Ordinal).Replace("{b}", _b.DeviceId, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(rule.Method), new Uri(path, UriKind.Relative));
        if (rule.Body is not null)
        {
            request.Content = new StringContent(rule.Body.Replace("{operator-key}", _operatorKey, StringComparison.Ordinal), Encoding.UTF8, "application/json");
        }

        // Headers only: the event stream never ends, and the status is all this test needs.
        using var response = await _clients[caller].SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var status = (int)response.StatusCode;
        if (rule.Allowed.Contains(caller))
        {
            // The body is read only to explain a failure: the event stream's never ends.
            var why = status is 401 or 403 ? await response.Content.ReadAsStringAsync() : string.Empty;
            Assert.That(status, Is.Not.EqualTo(401).And.Not.EqualTo(403), $"{caller} must be allowed: {why}");
        }
        else
        {
            Assert.That(response.StatusCode, Is.EqualTo(caller == Caller.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden));
        }
    }

    [Test]
    public void Endpoints_EveryMappedEndpoint_HasARuleInTheTable()
    {
        var mapped = _cloud.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} /{e.RoutePattern.RawText?.TrimStart('/')}"))
            .Distinct()
            .ToList();
        var listed = ApiRoleTable.Rules.Select(r => $"{r.Method} {r.Template}").ToHashSet();
        Assert.That(mapped, Has.Count.GreaterThanOrEqualTo(20));
        Assert.That(mapped.Where(e => !listed.Contains(e)), Is.Empty, "add these endpoints to ApiRoleTable with who may call them");
    }
}
