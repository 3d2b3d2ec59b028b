using Microsoft.Extensions.Logging;

namespace Edge.Sip.Internal.Media;

/// <summary>
/// Sends the due frames of every session of a factory, tick by tick. Ticks fall on an absolute grid (start + n ×
/// interval), so a late tick never shifts the later ones, and a tick never runs while another one runs: each stream's
/// packet buffer is then written and sent by one tick at a time.
/// </summary>
/// <remarks>
/// On the real clock (<see cref="TimeProvider.System"/>) a dedicated thread runs the ticks. A thread-pool timer was
/// measured up to 109 ms late at 500 calls (bench/Telephony): its callback waits for a free pool thread, and while
/// calls end the pool threads are busy. Any other clock (a fake one in tests) drives the same ticks through a one-shot
/// timer of that clock, re-armed after each tick for the next grid point.
/// </remarks>
internal sealed partial class RtpPacer : IDisposable
{
    // Half a frame: a tick later than this makes a send gap of more than 30 ms likely; worth a warning.
    private static readonly TimeSpan LateThreshold = TimeSpan.FromMilliseconds(10);

    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly RtpPacerMonitor _monitor;
    private readonly long _interval;
    private readonly ITimer? _timer;
    private readonly RtpPacerThread? _thread;
    private readonly PacerCollector? _collector;
    private RtpOutboundStream[] _streams = [];
    private long _deadline;
    private int _disposed;

    /// <param name="timeProvider">The clock the ticks follow.</param>
    /// <param name="interval">The distance between grid points.</param>
    /// <param name="logger">Where late ticks and failures go.</param>
    /// <param name="collector">Runs young-generation collections right after ticks; null leaves them to the
    /// runtime.</param>
    public RtpPacer(TimeProvider timeProvider, TimeSpan interval, ILogger logger, PacerCollector? collector = null)
    {
        _timeProvider = timeProvider;
        _logger = logger;
        _collector = collector;
        _interval = Math.Max(1, interval.Ticks * timeProvider.TimestampFrequency / TimeSpan.TicksPerSecond);
        _monitor = new RtpPacerMonitor(timeProvider.TimestampFrequency, LateThreshold);
        _deadline = timeProvider.GetTimestamp() + _interval;
        if (ReferenceEquals(timeProvider, TimeProvider.System))
        {
            _thread = new RtpPacerThread(this);
        }
        else
        {
            _timer = timeProvider.CreateTimer(static state => ((RtpPacer)state!).OnTimer(), this,
                Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timer.Change(interval, Timeout.InfiniteTimeSpan);
        }
    }

    public int Count => Volatile.Read(ref _streams).Length;

    /// <summary>True when ticks run on the pacer's own thread (the real clock).</summary>
    public bool HasDedicatedThread => _thread is not null;

    /// <summary>How the dedicated thread is scheduled, once it has started; Normal without a thread.</summary>
    public PacerPriority Priority { get; private set; }

    /// <summary>True while the dedicated thread runs; it ends when the pacer is disposed.</summary>
    public bool IsThreadRunning => _thread?.IsRunning ?? false;

    /// <summary>The grid point the next tick is due at, in the clock's timestamps.</summary>
    public long NextDeadline => Volatile.Read(ref _deadline);

    public void Add(RtpOutboundStream stream)
    {
        lock (_gate)
        {
            var streams = new RtpOutboundStream[_streams.Length + 1];
            _streams.CopyTo(streams, 0);
            streams[^1] = stream;
            Volatile.Write(ref _streams, streams);
        }
    }

    public void Remove(RtpOutboundStream stream)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_streams, stream);
            if (index < 0)
            {
                return;
            }

            var streams = new RtpOutboundStream[_streams.Length - 1];
            Array.Copy(_streams, 0, streams, 0, index);
            Array.Copy(_streams, index + 1, streams, index, streams.Length - index);
            Volatile.Write(ref _streams, streams);
        }
    }

    public RtpPacerStatistics GetStatistics() => _monitor.GetStatistics();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _timer?.Dispose();
        _thread?.Dispose();
        var statistics = _monitor.GetStatistics();
        Log.Stopped(_logger, statistics.Ticks, statistics.LateTicks, statistics.MaxLateness.TotalMilliseconds,
            statistics.MaxDuration.TotalMilliseconds, _collector?.Collections ?? 0);
    }

    /// <summary>Runs the tick due now and moves the deadline to the next grid point after it.</summary>
    internal void RunTick()
    {
        var deadline = _deadline;
        var started = _timeProvider.GetTimestamp();
        long skippedFrames = 0;
        var skippingSessions = 0;
        var streams = Volatile.Read(ref _streams);
        foreach (var stream in streams)
        {
            var skipped = TickOne(stream);
            skippedFrames += skipped;
            skippingSessions += skipped > 0 ? 1 : 0;
        }

        var ended = _timeProvider.GetTimestamp();
        Volatile.Write(ref _deadline, NextGridPoint(deadline, ended));
        if (_monitor.TickEnded(deadline, started, ended) is { } late)
        {
            LogLate(late, skippedFrames, skippingSessions);
        }

        if (streams.Length > 0)
        {
            // Without calls no frame can be late: the runtime may pick its own moment (and its larger budget).
            _collector?.CollectIfDue();
        }
    }

    /// <summary>Called on the dedicated thread when it starts, with the scheduling it was granted.</summary>
    internal void OnThreadStarted((PacerPriority Priority, int Error) granted)
    {
        Priority = granted.Priority;
        if (granted.Priority == PacerPriority.Normal)
        {
            // Limitation: without the permission the pacer competes with every other thread of the machine, and
            // under CPU contention its ticks can start tens of milliseconds late.
            Log.ThreadNotRaised(_logger, granted.Error);
        }
        else
        {
            Log.ThreadRaised(_logger, granted.Priority);
        }
    }

    /// <summary>How long until the next tick is due, in the clock's timestamps (0 or less: due now).</summary>
    internal long RemainingUntilDeadline() => Volatile.Read(ref _deadline) - _timeProvider.GetTimestamp();

    internal TimeSpan ToTimeSpan(long timestamps) =>
        TimeSpan.FromTicks(timestamps * TimeSpan.TicksPerSecond / _timeProvider.TimestampFrequency);

    private long NextGridPoint(long deadline, long now)
    {
        // The ticks missed during a stall are not run one by one: every stream sends all its due frames (up to its
        // catch-up limit) in the first tick after it, so the schedule just moves on to the next point of the grid.
        var next = deadline + _interval;
        return next > now ? next : deadline + ((((now - deadline) / _interval) + 1) * _interval);
    }

    private void OnTimer()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        RunTick();
        var due = Volatile.Read(ref _deadline) - _timeProvider.GetTimestamp();
        _timer!.Change(ToTimeSpan(Math.Max(1, due)), Timeout.InfiniteTimeSpan);
    }

    private long TickOne(RtpOutboundStream stream)
    {
        try
        {
            // Each stream reads the clock itself: frames late behind a long tick count as late in its statistics.
            return stream.OnTick(_timeProvider.GetTimestamp());
        }
#pragma warning disable CA1031 // One session's fault must not stop the audio of every other call; it is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.TickFailed(_logger, ex);
            return 0;
        }
    }

    private void LogLate(LateTick late, long skippedFrames, int skippingSessions) =>
        Log.TickLate(_logger, late.Lateness.TotalMilliseconds, late.StartLateness.TotalMilliseconds,
            late.Duration.TotalMilliseconds, skippedFrames, skippingSessions, late.Runtime.Gen0, late.Runtime.Gen1,
            late.Runtime.Gen2, late.Runtime.GcPause.TotalMilliseconds, late.PendingWorkItems, late.Suppressed);
}
