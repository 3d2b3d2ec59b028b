namespace Edge.Sip.Internal.Media;

/// <summary>
/// What the runtime has done so far that can stop or starve the pacer: garbage collections per generation and
/// their total pause time. Two readings subtracted explain a late tick.
/// </summary>
internal readonly record struct RuntimeCounters(int Gen0, int Gen1, int Gen2, TimeSpan GcPause)
{
    public static RuntimeCounters Read() => new(
        GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public RuntimeCounters Since(RuntimeCounters earlier) =>
        new(Gen0 - earlier.Gen0, Gen1 - earlier.Gen1, Gen2 - earlier.Gen2, GcPause - earlier.GcPause);
}
