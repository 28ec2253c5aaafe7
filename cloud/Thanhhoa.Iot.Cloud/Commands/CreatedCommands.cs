namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>What <c>POST /api/commands</c> created: one command per device, sharing a batch id.</summary>
public sealed record CreatedCommands(string BatchId, IReadOnlyList<CommandRecord> Commands);
