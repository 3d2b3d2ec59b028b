using Edge.Sip.Internal.Media;

namespace Edge.Sip.Tests.Media;

public sealed class RtpPacerMonitorTests
{
    // Timestamps in milliseconds keep the arithmetic readable.
    private const long Frequency = 1000;

    [Fact]
    public void TickEnded_WithinTheThreshold_ReportsNothing()
    {
        var monitor = new RtpPacerMonitor(Frequency, TimeSpan.FromMilliseconds(10));

        Assert.Null(monitor.TickEnded(100, 100, 101));
        Assert.Null(monitor.TickEnded(105, 112, 115));

        var statistics = monitor.GetStatistics();
        Assert.Equal(2, statistics.Ticks);
        Assert.Equal(0, statistics.LateTicks);
        Assert.Equal(TimeSpan.FromMilliseconds(10), statistics.MaxLateness);
        Assert.Equal(TimeSpan.FromMilliseconds(3), statistics.MaxDuration);
    }

    [Fact]
    public void TickEnded_StartedOnTimeButTookLong_IsLateByItsEnd()
    {
        var monitor = new RtpPacerMonitor(Frequency, TimeSpan.FromMilliseconds(10));

        // A stall in the middle of a tick delays the frames of every session after it, as a late wake-up would.
        var late = monitor.TickEnded(100, 100, 131);

        Assert.Equal(TimeSpan.FromMilliseconds(31), late?.Lateness);
        Assert.Equal(TimeSpan.Zero, late?.StartLateness);
        Assert.Equal(TimeSpan.FromMilliseconds(31), late?.Duration);
    }

    [Fact]
    public void TickEnded_SeveralLateInOneSecond_ReportsTheFirstAndEachWorseOne()
    {
        var monitor = new RtpPacerMonitor(Frequency, TimeSpan.FromMilliseconds(10));

        var first = monitor.TickEnded(1000, 1020, 1020);
        var smaller = monitor.TickEnded(1100, 1115, 1115);
        var worse = monitor.TickEnded(1200, 1225, 1230);
        var smallerAgain = monitor.TickEnded(1300, 1312, 1312);
        var nextSecond = monitor.TickEnded(2100, 2111, 2111);

        Assert.Equal(TimeSpan.FromMilliseconds(20), first?.Lateness);
        Assert.Null(smaller);
        Assert.Equal(TimeSpan.FromMilliseconds(30), worse?.Lateness);
        Assert.Equal(TimeSpan.FromMilliseconds(25), worse?.StartLateness);
        Assert.Equal(1, worse?.Suppressed);
        Assert.Null(smallerAgain);
        Assert.Equal(TimeSpan.FromMilliseconds(11), nextSecond?.Lateness);
        Assert.Equal(1, nextSecond?.Suppressed);
        Assert.Equal(5, monitor.GetStatistics().LateTicks);
    }
}
