using Thanhhoa.Iot.Contracts;

namespace Thanhhoa.Iot.Cloud.Ingest;

/// <summary>Chooses the decoder from the MQTT 5 content-type property.</summary>
internal static class ContentTypes
{
    /// <summary>True for an absent content type (JSON is the default) or <c>application/json</c> (parameters ignored).</summary>
    public static bool IsJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return true;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        return string.Equals(mediaType, ContractInfo.JsonContentType, StringComparison.OrdinalIgnoreCase);
    }
}
