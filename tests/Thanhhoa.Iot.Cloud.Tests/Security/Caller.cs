namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>Who calls the API in the role table.</summary>
public enum Caller
{
    Anonymous,
    Technician,
    Operator,
    Admin,
}
