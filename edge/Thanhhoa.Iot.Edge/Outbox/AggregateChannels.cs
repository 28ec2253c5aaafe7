namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// How an aggregate travels without a contract change: four ordinary readings on derived channel ids
/// <c>{channel}--min</c>, <c>--max</c>, <c>--avg</c> and <c>--n</c> (count), stamped with the start of
/// the interval. <c>--</c> never appears in the ids of real channels (profiles use <c>[a-z0-9_]</c>).
/// </summary>
public static class AggregateChannels
{
    /// <summary>Separator between the channel id and the statistic.</summary>
    public const string Separator = "--";

    /// <summary>The suffixes, in the order the rows are written.</summary>
    public static readonly IReadOnlyList<string> Statistics = ["min", "max", "avg", "n"];

    /// <summary>Rows one aggregate takes.</summary>
    public static int RowsPerAggregate => Statistics.Count;

    /// <summary>Longest channel id that still fits the contract's 64 characters with the longest suffix.</summary>
    public const int MaxBaseLength = 64 - 5;

    /// <summary>The derived channel id of one statistic.</summary>
    public static string Of(string channel, string statistic) => channel + Separator + statistic;

    /// <summary>True for a derived aggregate channel id.</summary>
    public static bool IsAggregate(string channel) => channel.Contains(Separator, StringComparison.Ordinal);
}
