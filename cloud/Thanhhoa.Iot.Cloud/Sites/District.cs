using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Cloud.Sites;

/// <summary>A district-level unit of the province (the dashboard's "area"), its outline and its communes.</summary>
public sealed record District(string Code, string Name, [property: JsonIgnore] GeoPolygon Area, IReadOnlyList<AdminUnit> Communes);
