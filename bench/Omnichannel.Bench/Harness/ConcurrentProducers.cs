using System.Diagnostics;

namespace Omnichannel.Bench.Harness;

/// <summary>
/// Runs N producers that each call an operation back to back, released together by one gate, and records
/// every call's latency. The elapsed time runs from the gate's release to the last producer's last call.
/// </summary>
internal static class ConcurrentProducers
{
    public static async Task<RunResult> RunAsync(int producers, int callsPerProducer, Func<Task> operation)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = new Task<double[]>[producers];
        for (var i = 0; i < producers; i++)
        {
            running[i] = Task.Run(() => ProduceAsync(gate.Task, callsPerProducer, operation));
        }

        var started = Stopwatch.GetTimestamp();
        gate.SetResult();
        var latencies = await Task.WhenAll(running);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return RunResult.FromLatencies(elapsed, [.. latencies.SelectMany(l => l)]);
    }

    private static async Task<double[]> ProduceAsync(Task gate, int calls, Func<Task> operation)
    {
        await gate;
        var latencies = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await operation();
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return latencies;
    }
}
