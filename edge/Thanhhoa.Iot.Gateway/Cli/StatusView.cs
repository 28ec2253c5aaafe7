using Thanhhoa.Iot.Edge.Budget;
using Thanhhoa.Iot.Edge.Diagnostics.Status;
using Thanhhoa.Iot.Edge.Diagnostics.Text;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Gateway.Cli;

/// <summary>Prints <c>thgw status</c> as labelled lines in the technician's language.</summary>
internal sealed class StatusView(Texts texts, DateTimeOffset now)
{
    public void Identity(string deviceId, string? site) =>
        Line(TextKey.StatusDeviceLabel, string.IsNullOrEmpty(site) ? Shown(deviceId) : texts.Format(TextKey.StatusDeviceWithSite, Shown(deviceId), site));

    public void Broker(string broker, bool tls) => Line(TextKey.StatusBrokerLabel, tls ? $"{broker} (TLS)" : broker);

    public void NoStatus(string path, string? error) =>
        Line(TextKey.StatusServiceLabel, error == "missing" ? texts.Format(TextKey.StatusNoFile, path) : texts.Format(TextKey.StatusUnreadable, path, error));

    public void Service(GatewayStatusDocument status)
    {
        var age = Ago(status.WrittenAt);
        var text = status.IsFresh(now)
            ? texts.Format(TextKey.StatusRunning, status.ProcessId, When(status.StartedAt), age, status.Version)
            : status.Running
                ? texts.Format(TextKey.StatusStale, When(status.WrittenAt), age)
                : texts.Format(TextKey.StatusStopped, When(status.WrittenAt), age);
        Line(TextKey.StatusServiceLabel, text);
    }

    public void Link(UplinkStatusSnapshot link)
    {
        var lastSync = link.LastSync is { } at ? texts.Format(TextKey.StatusLastSync, When(at), Ago(at)) : texts[TextKey.StatusNeverSynced];
        var text = link.Connected
            ? texts.Format(TextKey.StatusConnected, link.Session, lastSync)
            : texts.Format(TextKey.StatusDisconnected, link.LastError ?? "—", link.FailedAttempts, link.NextAttemptAt is { } next ? When(next) : "—", lastSync);
        Line(TextKey.StatusLinkLabel, text);
        Line(TextKey.StatusDeliveredLabel, texts.Format(TextKey.StatusDelivered, link.DeliveredReadings, link.DeliveredEvents, link.Rejected));
    }

    public void Outbox(OutboxStatus? outbox) => Line(TextKey.StatusOutboxLabel, outbox is null
        ? texts[TextKey.StatusOutboxUnknown]
        : texts.Format(TextKey.StatusOutbox, outbox.PendingReadings, outbox.PendingEvents, outbox.UsedBytes / 1048576.0, outbox.QuotaBytes / 1048576.0));

    /// <summary>The data plan line, only when the gateway has a budget (0 = no limit on that period).</summary>
    public void Budget(BudgetUsage? budget)
    {
        if (budget is null)
        {
            return;
        }

        Line(TextKey.StatusBudgetLabel, texts.Format(TextKey.StatusBudget, budget.UsedToday / 1000.0, budget.DailyBytes / 1000.0,
            budget.UsedThisMonth / 1e6, budget.MonthlyBytes / 1e6, budget.Level.ToString().ToLowerInvariant()));
    }

    private void Line(TextKey label, string text) => Console.WriteLine($"{texts[label] + ":",-12} {text}");

    private string When(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", texts.Culture);

    private string Ago(DateTimeOffset at) => texts.Format(TextKey.StatusAgo, Math.Max(0, (now - at).TotalSeconds));

    private static string Shown(string? value) => string.IsNullOrEmpty(value) ? "—" : value;
}
