namespace Thanhhoa.Iot.Contracts.Codec;

/// <summary>The payload encodings of the contract, each named by an MQTT 5 content type.</summary>
public enum PayloadEncoding
{
    /// <summary><c>application/json</c> (also when the content type is absent).</summary>
    Json,

    /// <summary><c>application/cbor</c>.</summary>
    Cbor,

    /// <summary><c>application/cbor+deflate</c>: the CBOR body, raw-deflated.</summary>
    CborDeflate,
}
