using System.Runtime.CompilerServices;
using Edge.Sip.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Sip.Tests.Media;

/// <summary>The pacer on a fake clock: ticks on an absolute grid, catch-up after a stall, never re-entered.</summary>
public sealed class RtpPacerScheduleTests
{
    [Fact]
    public async Task RunTick_TimerFiresLate_NextTickStaysOnTheAbsoluteGrid()
    {
        var time = new FakeTimeProvider();
        var start = time.GetTimestamp();
        await using var factory = new RtpSessionFactory(new RtpOptions(), time, NullLoggerFactory.Instance);
        var pacer = factory.Pacer;

        // The tick due at 5 ms runs at 12 ms; a timer re-armed "one interval from now" would come back at 17.
        time.Advance(TimeSpan.FromMilliseconds(12));
        var afterLateTick = pacer.NextDeadline - start;
        var ticks = pacer.GetStatistics().Ticks;
        time.Advance(TimeSpan.FromMilliseconds(3));

        Assert.Equal(Timestamps(time, 15), afterLateTick);
        Assert.Equal(ticks + 1, pacer.GetStatistics().Ticks);
        Assert.Equal(Timestamps(time, 20), pacer.NextDeadline - start);
    }

    [Fact]
    public async Task RunTick_AfterAStall_CatchesUpInOneTickAndWarnsOnceForAllSessions()
    {
        var time = new FakeTimeProvider();
        var logs = new RecordingLoggerFactory();
        await using var factory = new RtpSessionFactory(new RtpOptions { MaxCatchUpFrames = 3 }, time, logs);
        var transports = new[] { new FakeRtpTransport(time), new FakeRtpTransport(time) };
        var sessions = transports.Select(factory.CreateSession).ToArray();
        foreach (var session in sessions)
        {
            session.Configure(new RtpSessionConfiguration(MediaTestContext.Remote, CallAudioCodec.Pcmu, 101));
        }

        Advance(time, 20);
        var stallStart = time.GetUtcNow();
        time.Advance(TimeSpan.FromMilliseconds(150));
        Advance(time, 20);

        // Frames 0 and 1 went out at 5 and 20 ms; by 170 ms frames 2-8 are due: three are sent at once, four skipped.
        foreach (var transport in transports)
        {
            var burst = transport.Sent.Where(p => p.At == stallStart.AddMilliseconds(150)).ToArray();
            Assert.Equal(3, burst.Length);
            Assert.True(burst[0].Header.Marker);
        }

        var late = Assert.Single(logs.Entries, e => e.EventId.Id == 4051);
        Assert.Equal(LogLevel.Warning, late.Level);
        Assert.Equal(8L, Value(late, "SkippedFrames"));
        Assert.Equal(2, Value(late, "SkippingSessions"));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning && e.EventId.Id != 4051);
        Assert.All(sessions, s => Assert.Equal(4, s.GetStatistics().LateFramesSkipped));
        await DisposeAllAsync(sessions);
    }

    [Fact]
    public async Task RunTick_TickSlowerThanTheInterval_IsNeverReentered()
    {
        var time = new FakeTimeProvider();
        await using var factory = new RtpSessionFactory(new RtpOptions(), time, NullLoggerFactory.Instance);
        var depth = new StrongBox<int>();
        var maxDepth = new StrongBox<int>();

        // Four sessions, each send taking 3 ms of the clock: a tick that sends takes 12 ms, over two intervals.
        var transports = Enumerable.Range(0, 4)
            .Select(_ => new ClockAdvancingTransport(time, TimeSpan.FromMilliseconds(3), depth, maxDepth))
            .ToArray();
        var sessions = transports.Select(factory.CreateSession).ToArray();
        foreach (var session in sessions)
        {
            session.Configure(new RtpSessionConfiguration(MediaTestContext.Remote, CallAudioCodec.Pcmu, 101));
        }

        Advance(time, 200);

        Assert.Equal(1, maxDepth.Value);
        Assert.All(transports, t => Assert.InRange(t.SentAt.Count, 10, 40));
        Assert.All(transports, t => Assert.Equal(t.SentAt.Order(), t.SentAt));
        await DisposeAllAsync(sessions);
    }

    private static long Timestamps(TimeProvider time, int milliseconds) =>
        milliseconds * time.TimestampFrequency / 1000;

    private static void Advance(FakeTimeProvider time, int milliseconds)
    {
        for (var i = 0; i < milliseconds; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
        }
    }

    private static object? Value(LogEntry entry, string name) => entry.Values.Single(v => v.Key == name).Value;

    private static async Task DisposeAllAsync(IEnumerable<RtpSession> sessions)
    {
        foreach (var session in sessions)
        {
            await session.DisposeAsync();
        }
    }
}
