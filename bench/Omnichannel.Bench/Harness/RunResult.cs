namespace Omnichannel.Bench.Harness;

/// <summary>One timed run: how many operations, how long in all, and each operation's latency (sorted, ms).</summary>
internal sealed record RunResult(int Count, TimeSpan Elapsed, double[] SortedLatenciesMs)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

    public double P50 => Stats.Percentile(SortedLatenciesMs, 0.50);

    public double P99 => Stats.Percentile(SortedLatenciesMs, 0.99);

    public double Max => SortedLatenciesMs.Length == 0 ? double.NaN : SortedLatenciesMs[^1];

    /// <summary>Two runs of the same operation as one, e.g. the halves of a reference run before and after.</summary>
    public static RunResult Combine(RunResult first, RunResult second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return FromLatencies(first.Elapsed + second.Elapsed, [.. first.SortedLatenciesMs, .. second.SortedLatenciesMs]);
    }

    public static RunResult FromLatencies(TimeSpan elapsed, double[] latenciesMs)
    {
        ArgumentNullException.ThrowIfNull(latenciesMs);
        Array.Sort(latenciesMs);
        return new RunResult(latenciesMs.Length, elapsed, latenciesMs);
    }
}
