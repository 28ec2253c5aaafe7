using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Ingest;

/// <summary>
/// The outcome of one message; <see cref="Reject"/> is set for refusals, and <see cref="BirthSession"/>
/// for a valid birth, so the broker can tie the session counter to the connection that sent it.
/// </summary>
public sealed record IngestResult(IngestOutcome Outcome, RejectRecord? Reject = null, long? BirthSession = null)
{
    public bool IsSuccess => Outcome is IngestOutcome.Stored or IngestOutcome.Duplicate or IngestOutcome.Ignored;
}
