using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Edge.Commands.Logging;

/// <summary>
/// Keeps the last Commands:LogBufferLines log lines in memory for <c>upload-logs</c>, so a technician
/// in the IOC can read a gateway's recent log without SSH. Fixed size: old lines are overwritten;
/// long messages are cut at 1000 characters.
/// </summary>
[ProviderAlias("RingBuffer")]
public sealed class RingBufferLoggerProvider : ILoggerProvider
{
    private const int MaxMessageLength = 1000;
    private readonly Lock _lock = new();
    private readonly LogLine?[] _lines;
    private readonly TimeProvider _time;
    private long _written;

    public RingBufferLoggerProvider(IOptions<CommandOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _lines = new LogLine?[options.Value.LogBufferLines];
        _time = time;
    }

    /// <summary>Lines written since start (also those already overwritten).</summary>
    public long Written
    {
        get
        {
            lock (_lock)
            {
                return _written;
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new RingBufferLogger(this, categoryName);

    /// <summary>The newest lines at <paramref name="minLevel"/> or above, oldest first, at most <paramref name="max"/>.</summary>
    public IReadOnlyList<LogLine> Recent(int max, LogLevel minLevel)
    {
        var result = new List<LogLine>();
        lock (_lock)
        {
            var kept = (int)Math.Min(_written, _lines.Length);
            for (var i = 1; i <= kept && result.Count < max; i++)
            {
                var line = _lines[(_written - i) % _lines.Length]!;
                if (line.Level >= minLevel)
                {
                    result.Add(line);
                }
            }
        }

        result.Reverse();
        return result;
    }

    public void Dispose()
    {
    }

    internal void Add(LogLevel level, string category, string message, Exception? exception)
    {
        var text = exception is null ? message : $"{message} ({exception.GetType().Name}: {exception.Message})";
        if (text.Length > MaxMessageLength)
        {
            text = text[..MaxMessageLength] + "…";
        }

        var line = new LogLine(_time.GetUtcNow(), level, category, text);
        lock (_lock)
        {
            _lines[_written % _lines.Length] = line;
            _written++;
        }
    }

    private sealed class RingBufferLogger(RingBufferLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Add(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
