namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>Logs the conversion's progress at every tenth of the total, not every chunk: a large file has thousands of chunks.</summary>
internal sealed class LegacyConversionProgress(ILogger logger, string file, long total, long converted)
{
    private int _tenths = total == 0 ? 10 : (int)(converted * 10 / total);

    public long Total => total;

    public long Converted { get; private set; } = converted;

    public long Blocks { get; private set; }

    public long Duplicates { get; private set; }

    public void Add(LegacyReadingsConversion.Chunk chunk)
    {
        Converted += chunk.Readings;
        Blocks += chunk.Blocks;
        Duplicates += chunk.Duplicates;
        var tenths = (int)(Math.Min(Converted, total) * 10 / Math.Max(total, 1));
        if (tenths > _tenths)
        {
            _tenths = tenths;
            LiteDbLog.ConversionProgress(logger, file, Converted, total, tenths * 10);
        }
    }
}
