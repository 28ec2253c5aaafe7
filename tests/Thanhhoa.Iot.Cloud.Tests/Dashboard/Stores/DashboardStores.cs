using Thanhhoa.Iot.Cloud.Dashboard;
using Thanhhoa.Iot.Cloud.Sites;
using Thanhhoa.Iot.Cloud.Uptime;

namespace Thanhhoa.Iot.Cloud.Tests.Dashboard.Stores;

/// <summary>One node's dashboard stores.</summary>
public sealed record DashboardStores(ISiteCatalog Sites, ILinkHistoryStore Links, IObservationStore Observations, IAlarmAckStore Acks);
