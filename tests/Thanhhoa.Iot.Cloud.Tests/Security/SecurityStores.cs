using Thanhhoa.Iot.Cloud.Security.ApiKeys;
using Thanhhoa.Iot.Cloud.Security.Audit;
using Thanhhoa.Iot.Cloud.Security.Credentials;
using Thanhhoa.Iot.Cloud.Security.Enrollment;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>The security stores of one backend; <see cref="OtherNodeCredentials"/> is a second node's view of the same data.</summary>
public sealed record SecurityStores(
    IApiKeyStore Keys, IEnrollmentTokenStore Tokens, IDeviceCredentialStore Credentials, IAuditLog Audit, ISecurityStateStore State,
    IDeviceCredentialStore OtherNodeCredentials);
