namespace Thanhhoa.Iot.TestSupport.Storage;

/// <summary>
/// A disk with a volatile write cache, for power-cut tests. Bytes written sit in the cache (readers
/// see them) until a durable flush (<see cref="SimulatedDiskStream.Flush(bool)"/> with <c>true</c>,
/// i.e. fsync) moves them to the durable image; a plain <c>Flush()</c> does not. A power cut keeps
/// the durable image plus, optionally, a random prefix of the cached writes cut at 8 KiB pages (torn
/// writes) and loses the rest. Also simulates a full disk and failing fsyncs.
/// Thread-safe: every operation takes one lock, like a single disk queue.
/// </summary>
public sealed class SimulatedDisk
{
    /// <summary>Granularity of torn writes: LiteDB's page size.</summary>
    public const int PageSize = 8192;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimulatedFile> _files = new(StringComparer.Ordinal);
    private long _operationsUntilCut = -1;
    private Random? _cutRandom;
    private bool _tornWrites;

    /// <summary>Bumped by every power cut; streams opened before it fail.</summary>
    public int Generation { get; private set; }

    public bool IsPoweredOn { get; private set; } = true;

    /// <summary>Total bytes the files may take; a write beyond it fails with "No space left on device". Null = unlimited.</summary>
    public long? CapacityBytes { get; set; }

    /// <summary>The next this many durable flushes fail with an I/O error (the data stays in the cache, not on disk).</summary>
    public int FailingSyncs { get; set; }

    /// <summary>Durable flushes done so far.</summary>
    public int SyncCount { get; private set; }

    /// <summary>Power cuts so far.</summary>
    public int PowerCuts { get; private set; }

    /// <summary>Opens (creating when missing) a file.</summary>
    public SimulatedDiskStream Open(string name)
    {
        lock (_gate)
        {
            ThrowIfOff();
            if (!_files.TryGetValue(name, out var file))
            {
                file = new SimulatedFile();
                _files[name] = file;
            }

            return new SimulatedDiskStream(this, file, name, Generation);
        }
    }

    /// <summary>The durable bytes of a file: what a reboot would find.</summary>
    public byte[] ReadDurable(string name)
    {
        lock (_gate)
        {
            return _files.TryGetValue(name, out var file) ? file.Durable.ToArray() : [];
        }
    }

    /// <summary>
    /// Arms a power cut inside the <paramref name="operations"/>-th write, truncation or durable flush
    /// from now (1 = the next one). That operation and every later one fails with an I/O error.
    /// </summary>
    public void ArmPowerCut(int operations, Random random, bool tornWrites = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(operations, 1);
        lock (_gate)
        {
            _operationsUntilCut = operations;
            _cutRandom = random;
            _tornWrites = tornWrites;
        }
    }

    /// <summary>Cuts the power now.</summary>
    public void CutPower(Random random, bool tornWrites = true)
    {
        lock (_gate)
        {
            CutPowerLocked(random, tornWrites);
        }
    }

    /// <summary>Powers the disk back on; files show their durable image.</summary>
    public void PowerOn()
    {
        lock (_gate)
        {
            IsPoweredOn = true;
            _operationsUntilCut = -1;
        }
    }

    internal int Read(SimulatedDiskStream stream, SimulatedFile file, long position, Span<byte> destination)
    {
        lock (_gate)
        {
            ThrowIfStale(stream);
            return file.Cache.Read(position, destination);
        }
    }

    internal long Length(SimulatedDiskStream stream, SimulatedFile file)
    {
        lock (_gate)
        {
            ThrowIfStale(stream);
            return file.Cache.Length;
        }
    }

    internal void Write(SimulatedDiskStream stream, SimulatedFile file, long position, ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            ThrowIfStale(stream);
            var growth = Math.Max(0, position + data.Length - file.Cache.Length);
            if (CapacityBytes is { } capacity && growth > 0 && _files.Values.Sum(f => f.Cache.Length) + growth > capacity)
            {
                throw new IOException($"No space left on device (simulated disk of {capacity} bytes is full).");
            }

            file.Write(position, data);
            CountOperation();
        }
    }

    internal void SetLength(SimulatedDiskStream stream, SimulatedFile file, long length)
    {
        lock (_gate)
        {
            ThrowIfStale(stream);
            file.SetLength(length);
            CountOperation();
        }
    }

    internal void Sync(SimulatedDiskStream stream, SimulatedFile file)
    {
        lock (_gate)
        {
            ThrowIfStale(stream);
            CountOperation();
            if (FailingSyncs > 0)
            {
                FailingSyncs--;
                throw new IOException("Input/output error (simulated fsync failure).");
            }

            file.Sync();
            SyncCount++;
        }
    }

    private void CountOperation()
    {
        if (_operationsUntilCut > 0 && --_operationsUntilCut == 0)
        {
            CutPowerLocked(_cutRandom ?? new Random(0), _tornWrites);
            throw new IOException("The simulated disk lost power during this operation.");
        }
    }

    private void CutPowerLocked(Random random, bool tornWrites)
    {
        foreach (var file in _files.Values)
        {
            var pieces = file.PieceCount();
            var keep = !tornWrites || pieces == 0 ? 0 : random.Next(3) switch
            {
                0 => 0,
                1 => pieces,
                _ => random.Next(pieces + 1),
            };
            file.LosePower(keep);
        }

        IsPoweredOn = false;
        _operationsUntilCut = -1;
        Generation++;
        PowerCuts++;
    }

    private void ThrowIfStale(SimulatedDiskStream stream)
    {
        ThrowIfOff();
        if (stream.Generation != Generation)
        {
            throw new IOException($"'{stream.Name}' was opened before a power cut; reopen it.");
        }
    }

    private void ThrowIfOff()
    {
        if (!IsPoweredOn)
        {
            throw new IOException("The simulated disk has no power.");
        }
    }
}
