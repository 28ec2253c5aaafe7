namespace Thanhhoa.Iot.Cloud.Storage;

/// <summary>What a batch append did: rows that were new, and rows already stored (same device and sequence).</summary>
public readonly record struct AppendResult(int Added, int Duplicates)
{
    public static AppendResult operator +(AppendResult left, AppendResult right) =>
        new(left.Added + right.Added, left.Duplicates + right.Duplicates);

    public static AppendResult Add(AppendResult left, AppendResult right) => left + right;
}
