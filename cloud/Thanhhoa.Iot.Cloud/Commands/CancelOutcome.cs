namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>What a cancel request did.</summary>
public enum CancelOutcome
{
    Cancelled,
    NotFound,

    /// <summary>Delivered already or finished: it cannot be recalled.</summary>
    TooLate,
}
