using System.Text.Json;

namespace Thanhhoa.Iot.Edge.Diagnostics.Status;

/// <summary>
/// <c>status.json</c> in the data directory: replaced atomically (temp file + rename) so a reader
/// sees the old or the new file, never half of one. It is not fsync'd: it is rewritten every few
/// seconds, a lost copy after a power cut only reads as stale, and each fsync wears the SD card.
/// </summary>
public static class StatusFile
{
    public const string FileName = "status.json";

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    public static void Write(string path, GatewayStatusDocument status)
    {
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(status, StatusJsonContext.Default.GatewayStatusDocument));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads the file; null with a reason when it is missing, unreadable or not a status file.</summary>
    public static GatewayStatusDocument? TryRead(string path, out string? error)
    {
        error = null;
        try
        {
            var status = JsonSerializer.Deserialize(File.ReadAllBytes(path), StatusJsonContext.Default.GatewayStatusDocument);
            if (status is null)
            {
                error = "empty";
            }

            return status;
        }
        catch (FileNotFoundException)
        {
            error = "missing";
        }
        catch (DirectoryNotFoundException)
        {
            error = "missing";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            error = ex.Message;
        }

        return null;
    }
}
