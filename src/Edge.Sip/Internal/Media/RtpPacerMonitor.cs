namespace Edge.Sip.Internal.Media;

/// <summary>
/// Measures each pacer tick (how late it started, how long it took) and, for a late one, collects the evidence of
/// why: GC activity since the previous tick and the thread-pool backlog. Used by the pacer's thread only.
/// </summary>
internal sealed class RtpPacerMonitor
{
    private readonly long _frequency;
    private readonly long _lateThreshold;
    private readonly long _reportInterval;
    private RuntimeCounters _atLastTickEnd = RuntimeCounters.Read();
    private long _lastDuration;
    private long _windowStart = long.MinValue;
    private long _windowWorst;
    private long _suppressed;
    private long _ticks;
    private long _lateTicks;
    private long _maxLateness;
    private long _maxDuration;

    /// <param name="timestampFrequency">Ticks per second of the timestamps passed in.</param>
    /// <param name="lateThreshold">A tick that starts later than this after its deadline is reported.</param>
    public RtpPacerMonitor(long timestampFrequency, TimeSpan lateThreshold)
    {
        _frequency = timestampFrequency;
        _lateThreshold = ToTimestamp(lateThreshold);
        _reportInterval = timestampFrequency;
    }

    /// <summary>Records the start of a tick; returns a report to log when it is late and not rate-limited.</summary>
    public LateTick? TickStarted(long deadline, long started)
    {
        _ticks++;
        var lateness = Math.Max(0, started - deadline);
        _maxLateness = Math.Max(_maxLateness, lateness);
        if (lateness <= _lateThreshold)
        {
            return null;
        }

        _lateTicks++;
        return ShouldReport(started, lateness) ? Report(lateness) : null;
    }

    private bool ShouldReport(long started, long lateness)
    {
        // One report a second, plus any tick later than every one reported in that second: under overload every
        // tick is late and the log must not add to it, but the worst stall must not hide behind a small one.
        if (_windowStart == long.MinValue || started - _windowStart >= _reportInterval)
        {
            _windowStart = started;
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

    private LateTick Report(long lateness)
    {
        var report = new LateTick(ToTimeSpan(lateness), ToTimeSpan(_lastDuration),
            RuntimeCounters.Read().Since(_atLastTickEnd), ThreadPool.PendingWorkItemCount, _suppressed);
        _suppressed = 0;
        return report;
    }

    /// <summary>Records the end of a tick.</summary>
    public void TickEnded(long started, long ended)
    {
        _lastDuration = ended - started;
        _maxDuration = Math.Max(_maxDuration, _lastDuration);
        _atLastTickEnd = RuntimeCounters.Read();
    }

    /// <summary>The counters; exact once the pacer has stopped, approximate while it runs.</summary>
    public RtpPacerStatistics GetStatistics() =>
        new(_ticks, _lateTicks, ToTimeSpan(_maxLateness), ToTimeSpan(_maxDuration));

    private long ToTimestamp(TimeSpan span) => span.Ticks * _frequency / TimeSpan.TicksPerSecond;

    private TimeSpan ToTimeSpan(long timestamps) => TimeSpan.FromTicks(timestamps * TimeSpan.TicksPerSecond / _frequency);
}
