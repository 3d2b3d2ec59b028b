namespace Edge.Sip.Internal.Media;

/// <summary>
/// A pacer tick whose last frame went out later than the monitor's threshold after the tick's grid point, with
/// what the runtime did from the end of the previous tick to the end of this one.
/// </summary>
/// <param name="Lateness">From the tick's grid point to its end: the most any of its frames can have been late.</param>
/// <param name="StartLateness">From the grid point to the start of the tick (the wake-up was late).</param>
/// <param name="Duration">How long the tick took to send its frames.</param>
/// <param name="Runtime">Collections and GC pause time from the end of the previous tick to the end of this one.</param>
/// <param name="PendingWorkItems">Work items waiting in the thread pool when the tick ended.</param>
/// <param name="Suppressed">Late ticks not reported since the last report (reports are rate-limited).</param>
internal readonly record struct LateTick(
    TimeSpan Lateness,
    TimeSpan StartLateness,
    TimeSpan Duration,
    RuntimeCounters Runtime,
    long PendingWorkItems,
    long Suppressed);
