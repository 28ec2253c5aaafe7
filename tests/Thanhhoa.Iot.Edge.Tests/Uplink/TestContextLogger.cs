using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace Thanhhoa.Iot.Edge.Tests.Uplink;

/// <summary>Writes log lines to the NUnit test output, so a failing test shows what the uplink did.</summary>
public sealed class TestContextLogger<T> : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        TestContext.Progress.WriteLine($"{logLevel,-11} {eventId.Id} {formatter(state, exception)}{(exception is null ? string.Empty : " | " + exception.Message)}");
    }
}
