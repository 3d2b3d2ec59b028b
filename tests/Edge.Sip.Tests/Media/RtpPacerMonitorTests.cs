using Edge.Sip.Internal.Media;

namespace Edge.Sip.Tests.Media;

public sealed class RtpPacerMonitorTests
{
    // Timestamps in milliseconds keep the arithmetic readable.
    private const long Frequency = 1000;

    [Fact]
    public void TickStarted_WithinTheThreshold_ReportsNothing()
    {
        var monitor = new RtpPacerMonitor(Frequency, TimeSpan.FromMilliseconds(10));

        Assert.Null(monitor.TickStarted(100, 100));
        Assert.Null(monitor.TickStarted(105, 115));

        var statistics = monitor.GetStatistics();
        Assert.Equal(2, statistics.Ticks);
        Assert.Equal(0, statistics.LateTicks);
        Assert.Equal(TimeSpan.FromMilliseconds(10), statistics.MaxLateness);
    }

    [Fact]
    public void TickStarted_SeveralLateInOneSecond_ReportsTheFirstAndEachWorseOne()
    {
        var monitor = new RtpPacerMonitor(Frequency, TimeSpan.FromMilliseconds(10));

        var first = monitor.TickStarted(1000, 1020);
        var smaller = monitor.TickStarted(1100, 1115);
        var worse = monitor.TickStarted(1200, 1230);
        var smallerAgain = monitor.TickStarted(1300, 1312);
        var nextSecond = monitor.TickStarted(2100, 2111);

        Assert.Equal(TimeSpan.FromMilliseconds(20), first?.Lateness);
        Assert.Null(smaller);
        Assert.Equal(TimeSpan.FromMilliseconds(30), worse?.Lateness);
        Assert.Equal(1, worse?.Suppressed);
        Assert.Null(smallerAgain);
        Assert.Equal(TimeSpan.FromMilliseconds(11), nextSecond?.Lateness);
        Assert.Equal(1, nextSecond?.Suppressed);
        Assert.Equal(5, monitor.GetStatistics().LateTicks);
    }

    [Fact]
    public void TickStarted_AfterALongTick_ReportsHowLongThePreviousTickTook()
    {
        var monitor = new RtpPacerMonitor(Frequency, TimeSpan.FromMilliseconds(10));
        monitor.TickStarted(100, 100);
        monitor.TickEnded(100, 125);

        var late = monitor.TickStarted(105, 125);

        Assert.Equal(TimeSpan.FromMilliseconds(25), late?.PreviousTickDuration);
        Assert.Equal(TimeSpan.FromMilliseconds(25), monitor.GetStatistics().MaxDuration);
    }
}
