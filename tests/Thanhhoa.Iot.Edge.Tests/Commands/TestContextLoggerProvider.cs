using Microsoft.Extensions.Logging;
using Thanhhoa.Iot.Edge.Tests.Uplink;

namespace Thanhhoa.Iot.Edge.Tests.Commands;

/// <summary>Every category's log lines in the NUnit test output, so a failing test shows what the gateway did.</summary>
internal sealed class TestContextLoggerProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new TestContextLogger<TestContextLoggerProvider>();

    public void Dispose()
    {
    }
}
