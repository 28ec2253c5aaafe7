using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Cloud.Sites;

/// <summary>What a site is.</summary>
public enum SiteKind
{
    /// <summary>A mobile-network base station tower site.</summary>
    [JsonStringEnumMemberName("bts")]
    Bts,

    /// <summary>A station in a remote hamlet (thôn, bản).</summary>
    [JsonStringEnumMemberName("hamlet")]
    Hamlet,
}
