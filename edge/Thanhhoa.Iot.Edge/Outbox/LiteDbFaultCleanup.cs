using System.Collections;
using System.Reflection;
using LiteDB.Engine;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// Works around a LiteDB 5.0.21 defect: when an I/O error (disk full, failed device) hits a write
/// transaction, the engine closes itself without rolling the transaction back; disposing it then
/// fails ("discarded page must be writable") and the transaction's finalizer throws the same error
/// later on the GC finalizer thread, which kills the process. After such a fault the outbox drops the
/// engine, so the orphaned transactions' finalizers are suppressed here. Found by the outbox's
/// disk-full and power-cut tests; reflection on two private fields of the pinned LiteDB version.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA1816", Justification = "Suppressing finalizers of LiteDB objects we abandon is the point of this class.")]
internal static class LiteDbFaultCleanup
{
    private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;

    /// <summary>Call on the thread that ran the failed transaction (LiteDB keeps it in a thread-local slot).</summary>
    public static void ForgetTransactions(LiteEngine engine)
    {
        var monitor = typeof(LiteEngine).GetField("_monitor", Private)?.GetValue(engine);
        if (monitor is null)
        {
            return;
        }

        var type = monitor.GetType();
        if (type.GetField("_transactions", Private)?.GetValue(monitor) is IDictionary transactions)
        {
            lock (transactions)
            {
                foreach (var transaction in transactions.Values)
                {
                    GC.SuppressFinalize(transaction);
                }
            }
        }

        var slot = type.GetField("_slot", Private)?.GetValue(monitor);
        if (slot?.GetType().GetProperty("Value")?.GetValue(slot) is { } current)
        {
            GC.SuppressFinalize(current);
        }
    }
}
