using System.Globalization;
using System.Text.Json;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>Reads and durably replaces <c>slot-state.json</c> and the trial boot counter.</summary>
public sealed class SlotStateStore(SlotLayout layout)
{
    public SlotLayout Layout { get; } = layout;

    /// <summary>The state, or null before the first install through a rollout.</summary>
    public SlotState? Load()
    {
        if (!File.Exists(Layout.StatePath))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(Layout.StatePath), FirmwareJsonContext.Default.SlotState);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"'{Layout.StatePath}' is not a slot state ({ex.Message}); restore it or delete it to treat the current slot as committed.", ex);
        }
    }

    public void Save(SlotState state)
    {
        Directory.CreateDirectory(Layout.Root);
        DurableFile.Replace(Layout.StatePath, JsonSerializer.Serialize(state, FirmwareJsonContext.Default.SlotState));
    }

    /// <summary>Counts one more start of the trial slot and returns the count.</summary>
    public int CountTrialStart()
    {
        var starts = TrialStarts + 1;
        DurableFile.Replace(Layout.TrialStartsPath, starts.ToString(CultureInfo.InvariantCulture));
        return starts;
    }

    public int TrialStarts =>
        File.Exists(Layout.TrialStartsPath) && int.TryParse(File.ReadAllText(Layout.TrialStartsPath).Trim(), CultureInfo.InvariantCulture, out var n) ? n : 0;

    public void ResetTrialStarts() => File.Delete(Layout.TrialStartsPath);
}
