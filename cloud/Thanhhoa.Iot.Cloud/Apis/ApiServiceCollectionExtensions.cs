using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Cloud.Apis;

public static class ApiServiceCollectionExtensions
{
    /// <summary>Problem details for every error, enums as their names, OpenAPI document at /openapi/v1.json.</summary>
    public static IServiceCollection AddCloudApis(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }
}
