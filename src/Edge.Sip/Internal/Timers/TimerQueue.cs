namespace Edge.Sip.Internal.Timers;

/// <summary>
/// The one timer mechanism for every transaction and dialog timer: a priority queue ordered by due time and
/// driven by a single <see cref="ITimer"/> from the injected <see cref="TimeProvider"/>. No thread or
/// polling loop per transaction, and no fixed capacity.
/// </summary>
internal sealed class TimerQueue : IDisposable
{
    private static readonly TimeSpan MinimumDelay = TimeSpan.FromTicks(1);

    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly ITimer _timer;
    private readonly PriorityQueue<TimerHandle, TimeSpan> _queue = new();
    private readonly Lock _lock = new();
    private readonly Action<Exception> _onCallbackError;
    private TimeSpan _armedFor = TimeSpan.MaxValue;

    public TimerQueue(TimeProvider time, Action<Exception> onCallbackError)
    {
        _time = time;
        _start = time.GetTimestamp();
        _onCallbackError = onCallbackError;
        _timer = time.CreateTimer(_ => OnTick(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    private TimeSpan Now => _time.GetElapsedTime(_start);

    /// <summary>Runs <paramref name="callback"/> once after <paramref name="delay"/>.</summary>
    public TimerHandle Schedule(TimeSpan delay, Action callback)
    {
        var handle = new TimerHandle(callback, Now + (delay < MinimumDelay ? MinimumDelay : delay));
        lock (_lock)
        {
            _queue.Enqueue(handle, handle.Due);
            if (handle.Due < _armedFor)
            {
                Arm(handle.Due);
            }
        }

        return handle;
    }

    private void Arm(TimeSpan due)
    {
        _armedFor = due;
        var delay = due - Now;
        _timer.Change(delay < MinimumDelay ? MinimumDelay : delay, Timeout.InfiniteTimeSpan);
    }

    private void OnTick()
    {
        foreach (var handle in TakeDue())
        {
            try
            {
                handle.Callback();
            }
#pragma warning disable CA1031 // A failing timer callback must not stop every other timer; it is reported.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _onCallbackError(ex);
            }
        }
    }

    private List<TimerHandle> TakeDue()
    {
        var due = new List<TimerHandle>();
        lock (_lock)
        {
            var now = Now;
            while (_queue.TryPeek(out var handle, out var when) && when <= now)
            {
                _queue.Dequeue();
                if (!handle.IsCancelled)
                {
                    due.Add(handle);
                }
            }

            _armedFor = TimeSpan.MaxValue;
            if (_queue.TryPeek(out _, out var next))
            {
                Arm(next);
            }
        }

        return due;
    }

    public void Dispose() => _timer.Dispose();
}
