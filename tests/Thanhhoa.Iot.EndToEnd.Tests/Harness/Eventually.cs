namespace Thanhhoa.Iot.EndToEnd.Tests.Harness;

/// <summary>
/// Waits for a condition that another process makes true (the cloud's REST view of what gateways
/// sent). Between processes there is no in-memory signal to await, so this polls with a deadline;
/// inside one process tests await signals instead.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(200);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        T last;
        do
        {
            last = await probe().ConfigureAwait(false);
            if (done(last))
            {
                return last;
            }

            await Task.Delay(PollEvery).ConfigureAwait(false);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"Timed out after {timeout} waiting for {what}; last seen: {last}");
    }
}
