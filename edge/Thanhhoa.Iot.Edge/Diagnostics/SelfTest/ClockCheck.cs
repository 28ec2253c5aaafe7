using Thanhhoa.Iot.Edge.Diagnostics.Checks;
using Thanhhoa.Iot.Edge.Diagnostics.Text;

namespace Thanhhoa.Iot.Edge.Diagnostics.SelfTest;

/// <summary>
/// The clock the gateway's logic runs on: the monotonic clock advances, a delay on the TimeProvider
/// fires after (not before) its time and not absurdly late, and the wall clock reads as UTC. Whether
/// the wall clock is right (NTP) is <c>thgw doctor</c>'s question, not the self-test's.
/// </summary>
internal sealed class ClockCheck(Texts texts, TimeProvider time) : IDiagnosticCheck
{
    private static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan TooLate = TimeSpan.FromSeconds(5);

    public string Name => "clock";

    public string? Progress => null;

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        await Task.Delay(Wait, time, cancellationToken).ConfigureAwait(false);
        var elapsed = time.GetElapsedTime(start);
        var now = time.GetUtcNow();
        // Timers may fire up to a tick early by the monotonic clock's rounding; 1 ms slack covers that.
        if (elapsed < Wait - TimeSpan.FromMilliseconds(1) || elapsed > TooLate)
        {
            return CheckResult.Fail(Name, texts.Format(TextKey.ClockDelayWrong, Wait.TotalMilliseconds, elapsed.TotalMilliseconds), texts[TextKey.BrokenBuildFix]);
        }

        if (now.Offset != TimeSpan.Zero)
        {
            return CheckResult.Fail(Name, texts.Format(TextKey.ClockNotUtc, now), texts[TextKey.BrokenBuildFix]);
        }

        return CheckResult.Ok(Name, texts.Format(TextKey.ClockOk, Wait.TotalMilliseconds, elapsed.TotalMilliseconds, now.ToString("u", texts.Culture)));
    }
}
