namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>Waits until a started process answers HTTP, failing fast when it exits instead.</summary>
internal static class Readiness
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task WaitForHttpAsync(
        HttpClient http, Uri probe, ProductProcess process, ProcessOutput output, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(StartLimit);
        while (true)
        {
            if (process.HasExited)
            {
                Assert.Fail($"{process.Name} exited during start-up:\n{output.Tail(process.Name)}");
            }

            if (await AnswersAsync(http, probe, limit.Token))
            {
                return;
            }

            try
            {
                // Real time on purpose: a separate process starts on the machine's clock, not on a fake one.
                await Task.Delay(PollInterval, TimeProvider.System, limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"{process.Name} did not answer {probe} within {StartLimit}:\n{output.Tail(process.Name)}");
            }
        }
    }

    private static async Task<bool> AnswersAsync(HttpClient http, Uri probe, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(probe, cancellationToken);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The client's own timeout: a process still starting may accept a connection before it answers.
            return false;
        }
    }
}
