using Edge.Sip.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Sip.Tests.Media;

public sealed class RtpPacerTests
{
    [Fact]
    public async Task Tick_FiveHundredSessionsOnOneFactory_EverySessionSendsEveryFrameOnTime()
    {
        var time = new FakeTimeProvider();
        await using var factory = new RtpSessionFactory(new RtpOptions(), time, NullLoggerFactory.Instance);
        var transports = Enumerable.Range(0, 500).Select(_ => new FakeRtpTransport(time)).ToArray();
        var sessions = transports.Select(factory.CreateSession).ToArray();
        foreach (var session in sessions)
        {
            session.Configure(new RtpSessionConfiguration(MediaTestContext.Remote, CallAudioCodec.Pcmu, 101));
        }

        for (var i = 0; i < 200; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(5));
        }

        // Frames are due at 0, 20, ..., 1000 ms: 51 each.
        Assert.All(transports.Select(t => t.Sent.Count), count => Assert.Equal(51, count));
        Assert.All(sessions, s => Assert.True(s.GetStatistics().MaxSendGap <= TimeSpan.FromMilliseconds(20)));
        Assert.Equal(500, sessions.Select(s => s.Outbound.Ssrc).Distinct().Count());
        foreach (var session in sessions)
        {
            await session.DisposeAsync();
        }
    }

    [Fact]
    public async Task Tick_SessionDisposed_IsNoLongerPaced()
    {
        await using var context = new MediaTestContext();
        context.Configure();
        context.Advance(TimeSpan.FromMilliseconds(40));
        var sentBefore = context.Transport.Sent.Count;

        await context.Session.DisposeAsync();
        context.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(sentBefore, context.Transport.Sent.Count);
    }
}
