using Thanhhoa.Iot.Cloud.Registry;

namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>A device's registry document, parsed: its state and its sequence ledger (which only the writer thread changes).</summary>
internal sealed record DeviceRow(DeviceState State, SequenceRanges Ledger);
