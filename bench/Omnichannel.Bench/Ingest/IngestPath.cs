using System.Diagnostics;
using Omnichannel.Bench.Harness;

namespace Omnichannel.Bench.Ingest;

/// <summary>One way of storing the batches of a round; it times each batch it is handed.</summary>
internal sealed class IngestPath(Func<int, Task> storeBatch, int batches)
{
    private readonly double[] _latencies = new double[batches];

    public async Task RunBatchAsync(int index)
    {
        var start = Stopwatch.GetTimestamp();
        await storeBatch(index);
        _latencies[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>The path's own time: the sum of its batches, so time spent on the other paths does not count.</summary>
    public RunResult Result(int records) =>
        new(records, TimeSpan.FromMilliseconds(_latencies.Sum()), [.. _latencies.Order()]);
}
