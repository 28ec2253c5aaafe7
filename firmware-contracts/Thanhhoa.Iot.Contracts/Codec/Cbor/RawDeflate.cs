using System.IO.Compression;

namespace Thanhhoa.Iot.Contracts.Codec.Cbor;

/// <summary>Raw deflate (RFC 1951, no zlib or gzip header) with a bound on the inflated size.</summary>
internal static class RawDeflate
{
    public static byte[] Compress(byte[] body)
    {
        using var output = new MemoryStream(body.Length / 2 + 16);
        using (var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(body);
        }

        return output.ToArray();
    }

    /// <exception cref="ContractViolationException">Not raw deflate, or it inflates past the payload limit.</exception>
    public static byte[] Decompress(ReadOnlySpan<byte> payload)
    {
        using var input = new MemoryStream(payload.ToArray());
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(payload.Length * 4);
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = deflate.Read(buffer)) > 0)
            {
                if (output.Length + read > ContractInfo.MaxPayloadBytes)
                {
                    throw new ContractViolationException(RejectReason.TooLarge, "$",
                        $"the body inflates past {ContractInfo.MaxPayloadBytes} bytes; send smaller batches");
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ContractViolationException(RejectReason.Malformed, "$", $"not raw deflate data: {ex.Message}");
        }

        return output.ToArray();
    }
}
