using Thanhhoa.Iot.Edge.Sensing.Gpio;

namespace Thanhhoa.Iot.Edge.Sensing.Profiles;

/// <summary>An output whose GPIO line is opened on first use and again after a failed open, so a missing chip at start does not stop the gateway.</summary>
public sealed class DeferredOutputChannel : IOutputChannel, IDisposable
{
    private readonly Func<GpioOutputChannel> _open;
    private readonly Lock _lock = new();
    private GpioOutputChannel? _output;

    public DeferredOutputChannel(string id, Func<GpioOutputChannel> open)
    {
        Id = id;
        _open = open;
    }

    public string Id { get; }

    public bool IsOn => _output?.IsOn ?? false;

    /// <summary>Opens the line now if possible (outputs should be released at start); false if it cannot be opened yet.</summary>
    public bool TryOpen()
    {
        try
        {
            Open();
            return true;
        }
        catch (Exception)
        {
            return false; // the first command reports the failure
        }
    }

    public ValueTask SetAsync(bool on, CancellationToken cancellationToken) => Open().SetAsync(on, cancellationToken);

    public void Dispose()
    {
        lock (_lock)
        {
            _output?.Dispose();
            _output = null;
        }
    }

    private GpioOutputChannel Open()
    {
        lock (_lock)
        {
            return _output ??= _open();
        }
    }
}
