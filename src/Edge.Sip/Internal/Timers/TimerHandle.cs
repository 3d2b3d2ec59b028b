namespace Edge.Sip.Internal.Timers;

/// <summary>A scheduled callback; cancel it to make it a no-op when it comes due.</summary>
internal sealed class TimerHandle(Action callback, TimeSpan due)
{
    private volatile bool _cancelled;

    public TimeSpan Due { get; } = due;

    public bool IsCancelled => _cancelled;

    public Action Callback { get; } = callback;

    public void Cancel() => _cancelled = true;
}
