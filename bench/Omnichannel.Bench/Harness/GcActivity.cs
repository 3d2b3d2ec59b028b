using System.Globalization;

namespace Omnichannel.Bench.Harness;

/// <summary>
/// The garbage collector's work over an interval: bytes allocated, collections per generation and the time the
/// process stood still for them. Stop-the-world pauses stop every thread, so they show in latency tails.
/// </summary>
internal readonly record struct GcActivity(long AllocatedBytes, int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    public static GcActivity Now() => new(
        GC.GetTotalAllocatedBytes(precise: false),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalPauseDuration());

    public static GcActivity operator -(GcActivity after, GcActivity before) => new(
        after.AllocatedBytes - before.AllocatedBytes,
        after.Gen0 - before.Gen0,
        after.Gen1 - before.Gen1,
        after.Gen2 - before.Gen2,
        after.Paused - before.Paused);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"gc {Gen0}/{Gen1}/{Gen2} paused {Paused.TotalMilliseconds:0.0} ms");
}
