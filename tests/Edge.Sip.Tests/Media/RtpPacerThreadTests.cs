using Edge.Sip.Internal.Media;
using Edge.Sip.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Sip.Tests.Media;

/// <summary>The real clock: frames go out from the pacer's own thread, which ends with the factory.</summary>
public sealed class RtpPacerThreadTests
{
    [Fact]
    public async Task Send_SystemClock_RunsOnTheDedicatedPacerThread()
    {
        await using var factory = new RtpSessionFactory(new RtpOptions(), TimeProvider.System,
            NullLoggerFactory.Instance);
        var transport = new CountingRtpTransport(target: 5);
        await using var session = factory.CreateSession(transport);
        session.Configure(new RtpSessionConfiguration(MediaTestContext.Remote, CallAudioCodec.Pcmu, 101));

        // Five frames take 80 ms; the generous limit only keeps a broken pacer from hanging the run.
        await transport.Reached.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(factory.Pacer.HasDedicatedThread);
        Assert.Equal("rtp-pacer", transport.ThreadName);
        Assert.True(transport.ThreadIsBackground);
    }

    [Fact]
    public async Task Start_SystemClock_LogsOnceHowThePacerThreadIsScheduled()
    {
        var logs = new RecordingLoggerFactory();
        await using var factory = new RtpSessionFactory(new RtpOptions(), TimeProvider.System, logs);
        var transport = new CountingRtpTransport(target: 2);
        await using var session = factory.CreateSession(transport);
        session.Configure(new RtpSessionConfiguration(MediaTestContext.Remote, CallAudioCodec.Pcmu, 101));

        await transport.Reached.WaitAsync(TimeSpan.FromSeconds(10));

        // Which one depends on the permissions of the test run (root gets real-time); exactly one is reported.
        var entry = Assert.Single(logs.Entries, e => e.EventId.Id is 4053 or 4054);
        if (entry.EventId.Id == 4053)
        {
            Assert.Equal(factory.Pacer.Priority, entry.Values.Single(v => v.Key == "Priority").Value);
            Assert.NotEqual(PacerPriority.Normal, factory.Pacer.Priority);
        }
        else
        {
            Assert.Equal(LogLevel.Warning, entry.Level);
            Assert.Equal(PacerPriority.Normal, factory.Pacer.Priority);
        }
    }

    [Fact]
    public async Task DisposeAsync_SystemClock_EndsThePacerThread()
    {
        var factory = new RtpSessionFactory(new RtpOptions(), TimeProvider.System, NullLoggerFactory.Instance);
        var runningBefore = factory.Pacer.IsThreadRunning;

        await factory.DisposeAsync();

        Assert.True(runningBefore);
        Assert.False(factory.Pacer.IsThreadRunning);
    }

    [Fact]
    public async Task Constructor_FakeClock_UsesTheClocksTimerAndNoThread()
    {
        await using var context = new MediaTestContext();

        Assert.False(context.Factory.Pacer.HasDedicatedThread);
        Assert.False(context.Factory.Pacer.IsThreadRunning);
    }
}
