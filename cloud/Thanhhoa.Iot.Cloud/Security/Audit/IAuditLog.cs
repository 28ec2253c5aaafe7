namespace Thanhhoa.Iot.Cloud.Security.Audit;

/// <summary>The record of every write to the API. Appends are durable when the task completes.</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken);
}
