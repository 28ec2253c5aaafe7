using System.Text.Json;

namespace Thanhhoa.Iot.Contracts.Codec;

/// <summary>Strict RFC 8259 well-formedness (no comments, no trailing commas, one value, no BOM).</summary>
internal static class JsonSyntax
{
    public static bool IsWellFormed(ReadOnlySpan<byte> payload, out string error)
    {
        error = string.Empty;
        if (payload.IsEmpty)
        {
            error = "the payload is empty";
            return false;
        }

        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return false;
        }
    }
}
