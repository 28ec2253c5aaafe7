using System.Diagnostics;

namespace Thanhhoa.Iot.TestSupport;

/// <summary>Ends a child process a fixture started (by its own handle, never by name) and waits for it.</summary>
public static class ProcessStopper
{
    public static async Task StopAsync(Process process, TimeSpan? timeout = null)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // never started or already reaped
        }
        finally
        {
            process.Dispose();
        }
    }
}
