namespace Thanhhoa.Iot.TestSupport.Storage;

/// <summary>
/// One file on the simulated disk: what survives a power cut (<see cref="Durable"/>), what programs
/// see (<see cref="Cache"/>, like the OS page cache), and the writes between the two, in order.
/// </summary>
internal sealed class SimulatedFile
{
    public FileImage Durable { get; private set; } = new();

    public FileImage Cache { get; private set; } = new();

    public List<PendingWrite> Pending { get; } = [];

    public void Write(long position, ReadOnlySpan<byte> data)
    {
        Cache.Write(position, data);
        Pending.Add(new PendingWrite(position, data.ToArray(), null));
    }

    public void SetLength(long length)
    {
        Cache.SetLength(length);
        Pending.Add(new PendingWrite(0, [], length));
    }

    public void Sync()
    {
        foreach (var write in Pending)
        {
            Apply(write);
        }

        Pending.Clear();
    }

    /// <summary>Power cut: apply the first <paramref name="pieces"/> page-sized pieces of the pending writes, lose the rest.</summary>
    public void LosePower(int pieces)
    {
        foreach (var piece in PagePieces().Take(pieces))
        {
            Apply(piece);
        }

        Pending.Clear();
        Cache = Durable.Clone();
    }

    public int PieceCount() => PagePieces().Count();

    /// <summary>Pending writes cut at page boundaries of the file: a disk persists a page whole or not at all.</summary>
    private IEnumerable<PendingWrite> PagePieces()
    {
        foreach (var write in Pending)
        {
            if (write.NewLength is not null)
            {
                yield return write;
                continue;
            }

            var offset = 0;
            while (offset < write.Data.Length)
            {
                var position = write.Position + offset;
                var toBoundary = SimulatedDisk.PageSize - (int)(position % SimulatedDisk.PageSize);
                var length = Math.Min(toBoundary, write.Data.Length - offset);
                yield return new PendingWrite(position, write.Data.AsSpan(offset, length).ToArray(), null);
                offset += length;
            }
        }
    }

    private void Apply(PendingWrite write)
    {
        if (write.NewLength is { } length)
        {
            Durable.SetLength(length);
        }
        else
        {
            Durable.Write(write.Position, write.Data);
        }
    }
}

/// <summary>A write (or, with <see cref="NewLength"/>, a truncation) still in the volatile cache.</summary>
internal sealed record PendingWrite(long Position, byte[] Data, long? NewLength);
