using Thanhhoa.Iot.Cloud.Commands;

namespace Thanhhoa.Iot.Cloud.Tests.Commands;

/// <summary>A publisher with no broker behind it, for tests of the store and ingest side only.</summary>
internal sealed class NullDownlinkPublisher : IDownlinkPublisher
{
    public bool ReportsAcknowledgements => false;

    public Task PublishAsync(DownlinkMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
}
