using System.Formats.Tar;

namespace Thanhhoa.Iot.TestSupport.Firmware;

/// <summary>Damages firmware bundles the way an attacker or a bad disk would, for refusal tests (edge and cloud).</summary>
public static class BundleSurgery
{
    /// <summary>Rewrites one entry of the bundle (a null result drops it), keeping the others byte for byte.</summary>
    public static void Rewrite(string path, string entryName, Func<byte[], byte[]?> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var entries = new List<(string Name, byte[] Data)>();
        using (var read = File.OpenRead(path))
        using (var tar = new TarReader(read))
        {
            while (tar.GetNextEntry() is { } e)
            {
                using var copy = new MemoryStream();
                e.DataStream?.CopyTo(copy);
                entries.Add((e.Name, copy.ToArray()));
            }
        }

        using var write = File.Create(path);
        using var writer = new TarWriter(write, TarEntryFormat.Pax);
        foreach (var (name, data) in entries)
        {
            if ((name == entryName ? change(data) : data) is { } changed)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(changed) });
            }
        }
    }

    /// <summary>Flips one bit of the byte in the middle of <paramref name="entryName"/>.</summary>
    public static void FlipOneByte(string path, string entryName) =>
        Rewrite(path, entryName, bytes =>
        {
            bytes[bytes.Length / 2] ^= 0x01;
            return bytes;
        });
}
