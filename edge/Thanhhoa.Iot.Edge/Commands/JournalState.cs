namespace Thanhhoa.Iot.Edge.Commands;

/// <summary>Where a command is on its way through the gateway; each step is durable before the next begins.</summary>
internal enum JournalState
{
    /// <summary>Accepted (PUBACK may go out); not started yet.</summary>
    Received,

    /// <summary>Started. After a restart in this state it is never run again (at most once).</summary>
    Running,

    /// <summary>Finished; the result is kept here until the outbox has it.</summary>
    Done,

    /// <summary>The result is in the outbox; only the id is remembered, against redeliveries.</summary>
    Reported,
}
