using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.TestSupport.Vectors;

/// <summary>One entry of <c>firmware-contracts/vectors/manifest.json</c> and the file it names.</summary>
public sealed record GoldenVector
{
    /// <summary>Path of the payload file relative to the vectors folder, with '/' separators.</summary>
    public required string File { get; init; }

    /// <summary>Which message the payload is: the <see cref="TopicKind"/> of the topic it travels on.</summary>
    public required TopicKind Message { get; init; }

    /// <summary>The topic suffix the payload travels on, e.g. <c>up/telemetry</c>.</summary>
    public required string Topic { get; init; }

    /// <summary>The MQTT 5 content type the payload is sent with (one of the <see cref="ContractInfo"/> constants).</summary>
    public required string ContentType { get; init; }

    /// <summary>True when a receiver must accept the payload.</summary>
    public required bool Valid { get; init; }

    /// <summary>For invalid vectors: the reason a receiver must report.</summary>
    public RejectReason? Reason { get; init; }

    /// <summary>For invalid vectors: the field (JSON path) a receiver must report.</summary>
    public string? Field { get; init; }

    /// <summary>For invalid JSON vectors: whether a JSON Schema validator refuses the payload too.</summary>
    public bool? SchemaRejects { get; init; }

    /// <summary>For binary vectors: the JSON vector (its <see cref="File"/>) this payload decodes to.</summary>
    public string? SameAs { get; init; }

    /// <summary>What the vector shows, for a person.</summary>
    public required string Description { get; init; }

    /// <summary>Absolute path of the payload file.</summary>
    public required string FullPath { get; init; }

    /// <summary>Short stable name, e.g. <c>telemetry/valid-bts-on-mains.json</c>; used as the test case name.</summary>
    public string Name => File;

    /// <summary>True for the readable JSON encoding.</summary>
    public bool IsJson => ContentType == ContractInfo.JsonContentType;

    /// <summary>The payload bytes exactly as they go on the wire (<c>.hex</c> files are decoded).</summary>
    public byte[] ReadPayload()
    {
        if (!FullPath.EndsWith(".hex", StringComparison.Ordinal))
        {
            return System.IO.File.ReadAllBytes(FullPath);
        }

        var hex = new string(System.IO.File.ReadAllText(FullPath).Where(Uri.IsHexDigit).ToArray());
        return Convert.FromHexString(hex);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
