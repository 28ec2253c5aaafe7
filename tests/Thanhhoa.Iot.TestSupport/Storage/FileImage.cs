namespace Thanhhoa.Iot.TestSupport.Storage;

/// <summary>The bytes of one file: a growable buffer with a length.</summary>
internal sealed class FileImage
{
    private byte[] _bytes = new byte[64 * 1024];

    public long Length { get; private set; }

    public FileImage Clone()
    {
        var copy = new FileImage { Length = Length };
        copy._bytes = (byte[])_bytes.Clone();
        return copy;
    }

    public int Read(long position, Span<byte> destination)
    {
        if (position >= Length)
        {
            return 0;
        }

        var count = (int)Math.Min(destination.Length, Length - position);
        _bytes.AsSpan((int)position, count).CopyTo(destination);
        return count;
    }

    public void Write(long position, ReadOnlySpan<byte> source)
    {
        var end = position + source.Length;
        EnsureCapacity(end);
        if (position > Length)
        {
            _bytes.AsSpan((int)Length, (int)(position - Length)).Clear();
        }

        source.CopyTo(_bytes.AsSpan((int)position));
        Length = Math.Max(Length, end);
    }

    public void SetLength(long length)
    {
        EnsureCapacity(length);
        if (length > Length)
        {
            _bytes.AsSpan((int)Length, (int)(length - Length)).Clear();
        }

        Length = length;
    }

    public byte[] ToArray() => _bytes.AsSpan(0, (int)Length).ToArray();

    private void EnsureCapacity(long length)
    {
        if (length > int.MaxValue / 2)
        {
            throw new IOException($"Simulated files are limited to {int.MaxValue / 2} bytes; asked for {length}.");
        }

        if (length > _bytes.Length)
        {
            Array.Resize(ref _bytes, (int)Math.Max(length, _bytes.Length * 2L));
        }
    }
}
