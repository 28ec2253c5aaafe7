namespace Thanhhoa.Iot.Contracts.Codec;

/// <summary>Why a message was refused. Stable names: they appear in APIs, metrics and vectors.</summary>
public enum RejectReason
{
    /// <summary>The payload is not well-formed for its encoding.</summary>
    Malformed,

    /// <summary>The <c>v</c> field names a contract version this side does not speak.</summary>
    UnsupportedVersion,

    /// <summary>A required field is absent.</summary>
    MissingField,

    /// <summary>A field nobody defined is present (contract v1 is closed).</summary>
    UnknownField,

    /// <summary>A field has the wrong type or a value outside its domain.</summary>
    InvalidValue,

    /// <summary>A number is NaN or infinite.</summary>
    NonFiniteValue,

    /// <summary>A batch holds more items than the contract allows, or the payload is too large.</summary>
    TooLarge,

    /// <summary>The batch's sequence range does not match its items, or items are out of order.</summary>
    SequenceMismatch,

    /// <summary>The topic is outside the scheme, or belongs to another device.</summary>
    WrongTopic,

    /// <summary>The MQTT content type names an encoding this side does not speak.</summary>
    UnsupportedContentType,
}
