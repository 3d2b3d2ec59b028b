using Omnichannel.Bench.Harness;

namespace Omnichannel.Bench.Outbox;

/// <summary>One timed product run: the producers' result and how many commits carried the appends.</summary>
internal sealed record ProductRound(RunResult Run, long Commits, long Warnings, long Errors)
{
    public double AppendsPerCommit => Run.Count / (double)Math.Max(1, Commits);
}
