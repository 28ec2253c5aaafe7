using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Diagnostics.Doctor;

/// <summary>One channel read once by a technician's tool.</summary>
/// <param name="Channel">Channel id.</param>
/// <param name="Unit">Unit of the value.</param>
/// <param name="Value">The value, or null when the read failed.</param>
/// <param name="Quality">The driver's quality; <see cref="Quality.Bad"/> when the read failed.</param>
/// <param name="Error">Why the read failed (exception message or timeout), else null.</param>
/// <param name="Took">How long the read took.</param>
public sealed record ChannelReadout(string Channel, string Unit, double? Value, Quality Quality, string? Error, TimeSpan Took)
{
    public bool IsGood => Error is null && Quality == Quality.Good && Value is { } v && double.IsFinite(v);
}
