using Thanhhoa.Iot.Edge.Sensing.Gpio;

namespace Thanhhoa.Iot.Edge.Tests.Commands;

/// <summary>FAKE relay behind the real IOutputChannel seam: records every write.</summary>
internal sealed class FakeOutput(string id) : IOutputChannel
{
    private readonly List<bool> _writes = [];

    public string Id { get; } = id;

    public bool IsOn { get; private set; }

    public IReadOnlyList<bool> Writes
    {
        get
        {
            lock (_writes)
            {
                return _writes.ToList();
            }
        }
    }

    public ValueTask SetAsync(bool on, CancellationToken cancellationToken)
    {
        lock (_writes)
        {
            _writes.Add(on);
        }

        IsOn = on;
        return ValueTask.CompletedTask;
    }
}
