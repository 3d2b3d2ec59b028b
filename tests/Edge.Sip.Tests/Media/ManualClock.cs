namespace Edge.Sip.Tests.Media;

/// <summary>
/// A clock the test sets by hand. Its timers never fire, so the test calls the pacer's tick itself and measures
/// exactly that call (allocations, for one).
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    public long Timestamp { get; private set; } = TimeSpan.TicksPerSecond;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Timestamp;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new InertTimer();

    public void Advance(TimeSpan span) => Timestamp += span.Ticks;

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
