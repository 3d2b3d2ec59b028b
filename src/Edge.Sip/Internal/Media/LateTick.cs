namespace Edge.Sip.Internal.Media;

/// <summary>
/// A pacer tick that started later than the monitor's threshold, with what happened since the tick before it.
/// </summary>
/// <param name="Lateness">How long after its deadline the tick started.</param>
/// <param name="PreviousTickDuration">How long the tick before it took to send its frames.</param>
/// <param name="Runtime">Collections and GC pause time between the end of the previous tick and this start.</param>
/// <param name="PendingWorkItems">Work items waiting in the thread pool when the tick started.</param>
/// <param name="Suppressed">Late ticks not reported since the last report (reports are rate-limited).</param>
internal readonly record struct LateTick(
    TimeSpan Lateness,
    TimeSpan PreviousTickDuration,
    RuntimeCounters Runtime,
    long PendingWorkItems,
    long Suppressed);
