using Thanhhoa.Iot.Cloud.Security.Enrollment;

namespace Thanhhoa.Iot.Cloud.Security.Credentials;

/// <summary>
/// The result of <see cref="IDeviceCredentialStore.EnrollAsync"/>: <see cref="TokenState"/> is
/// <see cref="EnrollmentTokenState.Valid"/> when the device was enrolled (and then
/// <see cref="ReplacedDeviceId"/> names the device that held the site before, now revoked).
/// </summary>
public sealed record EnrollmentOutcome(EnrollmentTokenState TokenState, bool TokenFound, string? ReplacedDeviceId)
{
    public bool Enrolled => TokenFound && TokenState == EnrollmentTokenState.Valid;
}
