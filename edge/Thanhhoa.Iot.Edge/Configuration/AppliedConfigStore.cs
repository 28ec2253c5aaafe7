using System.Text;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Edge.Configuration;

/// <summary>
/// The applied document as received, in <c>{Gateway:DataDirectory}/desired-config.json</c>, replaced
/// atomically (temp file, fsync, rename, fsync of the directory): after a power cut it holds the old or
/// the new document, never a mix.
/// </summary>
internal sealed class AppliedConfigStore(string dataDirectory)
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetFullPath(dataDirectory), "desired-config.json");

    public void Save(byte[] payload) => DurableFile.Replace(Path, Encoding.UTF8.GetString(payload));

    /// <summary>The stored document; null when there is none. Throws <see cref="ContractViolationException"/> when it is damaged.</summary>
    public DesiredConfigMessage? Load() => File.Exists(Path) ? JsonCodec.DecodeConfig(File.ReadAllBytes(Path)) : null;
}
