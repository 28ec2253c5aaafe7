using System.Text.Json;
using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.EndToEnd.Tests.Dashboard;

/// <summary>How the cloud's JSON reads: web defaults with enums as strings.</summary>
internal static class JsonOptions
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
