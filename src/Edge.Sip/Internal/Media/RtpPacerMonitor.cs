namespace Edge.Sip.Internal.Media;

/// <summary>
/// Measures each pacer tick (how long after its grid point it ended, when it started, how long it took) and, for a
/// late one, collects the evidence of why: GC activity and the thread-pool backlog. Used by one tick at a time.
/// </summary>
/// <remarks>
/// A tick is judged by its end, not its start: a GC or a preemption in the middle of a tick delays the frames of the
/// sessions after that point just as much as a late wake-up delays all of them.
/// </remarks>
internal sealed class RtpPacerMonitor
{
    private readonly long _frequency;
    private readonly long _lateThreshold;
    private readonly long _reportInterval;
    private RuntimeCounters _atLastTickEnd = RuntimeCounters.Read();
    private long _windowStart = long.MinValue;
    private long _windowWorst;
    private long _suppressed;
    private long _ticks;
    private long _lateTicks;
    private long _maxLateness;
    private long _maxDuration;

    /// <param name="timestampFrequency">Ticks per second of the timestamps passed in.</param>
    /// <param name="lateThreshold">A tick that ends later than this after its grid point is reported.</param>
    public RtpPacerMonitor(long timestampFrequency, TimeSpan lateThreshold)
    {
        _frequency = timestampFrequency;
        _lateThreshold = ToTimestamp(lateThreshold);
        _reportInterval = timestampFrequency;
    }

    /// <summary>Records a tick; returns a report to log when it was late and the report is not rate-limited.</summary>
    /// <param name="deadline">The tick's grid point.</param>
    /// <param name="started">When it started.</param>
    /// <param name="ended">When its last frame had been sent.</param>
    public LateTick? TickEnded(long deadline, long started, long ended)
    {
        _ticks++;
        var lateness = Math.Max(0, ended - deadline);
        _maxLateness = Math.Max(_maxLateness, lateness);
        _maxDuration = Math.Max(_maxDuration, ended - started);
        var now = RuntimeCounters.Read();
        var runtime = now.Since(_atLastTickEnd);
        _atLastTickEnd = now;
        if (lateness <= _lateThreshold)
        {
            return null;
        }

        _lateTicks++;
        if (!ShouldReport(ended, lateness))
        {
            return null;
        }

        var report = new LateTick(ToTimeSpan(lateness), ToTimeSpan(Math.Max(0, started - deadline)),
            ToTimeSpan(ended - started), runtime, ThreadPool.PendingWorkItemCount, _suppressed);
        _suppressed = 0;
        return report;
    }

    /// <summary>The counters; exact once the pacer has stopped, approximate while it runs.</summary>
    public RtpPacerStatistics GetStatistics() =>
        new(_ticks, _lateTicks, ToTimeSpan(_maxLateness), ToTimeSpan(_maxDuration));

    private bool ShouldReport(long ended, long lateness)
    {
        // One report a second, plus any tick later than every one reported in that second: under overload every
        // tick is late and the log must not add to it, but the worst stall must not hide behind a small one.
        if (_windowStart == long.MinValue || ended - _windowStart >= _reportInterval)
        {
            _windowStart = ended;
            _windowWorst = lateness;
            return true;
        }

        if (lateness > _windowWorst)
        {
            _windowWorst = lateness;
            return true;
        }

        _suppressed++;
        return false;
    }

    private long ToTimestamp(TimeSpan span) => span.Ticks * _frequency / TimeSpan.TicksPerSecond;

    private TimeSpan ToTimeSpan(long timestamps) =>
        TimeSpan.FromTicks(timestamps * TimeSpan.TicksPerSecond / _frequency);
}
