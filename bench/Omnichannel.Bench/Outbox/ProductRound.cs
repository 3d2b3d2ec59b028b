using Omnichannel.Bench.Harness;

namespace Omnichannel.Bench.Outbox;

/// <summary>One timed product run: the producers' result and how many commits carried the appends.</summary>
internal sealed record ProductRound(RunResult Run, long Commits, long Warnings, long Errors)
{
    public double AppendsPerCommit => Run.Count / (double)Math.Max(1, Commits);

    /// <summary>Process CPU time while the producers ran (a diagnostic, not a target).</summary>
    public TimeSpan Cpu { get; init; }

    /// <summary>What the garbage collector did while the producers ran (a diagnostic, not a target).</summary>
    public GcActivity Gc { get; init; }

    public double CpuPerAppendUs => Cpu.TotalMicroseconds / Math.Max(1, Run.Count);

    public double AllocatedBytesPerAppend => Gc.AllocatedBytes / (double)Math.Max(1, Run.Count);

    public double CoresBusy => Cpu / Run.Elapsed;
}
