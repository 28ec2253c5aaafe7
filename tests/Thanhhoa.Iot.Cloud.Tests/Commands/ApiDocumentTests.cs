using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Commands;
using Thanhhoa.Iot.Cloud.Tests.Hosting;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Commands;

/// <summary>The command and configuration APIs are in the OpenAPI document and behind the named policies.</summary>
[TestFixture]
[Category("Integration")]
public sealed class ApiDocumentTests
{
    [Test]
    public async Task OpenApi_CommandAndConfigurationEndpoints_DocumentedAndBehindNamedPolicies()
    {
        using var dir = new TempDirectory("cloud-openapi");
        await using var cloud = await CloudHost.StartEmbeddedAsync(dir.Path);
        var document = await cloud.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var policies = cloud.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var @operator = await policies.GetPolicyAsync(ApiPolicies.Operator);
        var admin = await policies.GetPolicyAsync(ApiPolicies.Admin);

        Assert.Multiple(() =>
        {
            foreach (var path in new[] { "/api/commands", "/api/commands/{id}", "/api/commands/{id}/cancel", "/api/commands/stats",
                "/api/config/groups/{name}", "/api/config/devices/{id}", "/api/config/lagging" })
            {
                Assert.That(document, Does.Contain($"\"{path}\""), path);
            }

            Assert.That(@operator, Is.Not.Null);
            Assert.That(admin, Is.Not.Null);
        });
    }
}
