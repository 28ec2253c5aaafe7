namespace Thanhhoa.Iot.Cloud.Security.Enrollment;

public enum EnrollmentTokenState
{
    Valid,
    Used,
    Expired,
    Revoked,
}
