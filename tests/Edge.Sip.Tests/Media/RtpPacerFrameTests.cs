using Edge.Sip.Internal.Media;
using Edge.Sip.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Sip.Tests.Media;

/// <summary>What one tick costs and what it writes: no allocation per frame, no frame mixed into another.</summary>
public sealed class RtpPacerFrameTests
{
    [Fact]
    public async Task RunTick_FiveHundredSessionsPlayingAPrompt_AllocatesNothing()
    {
        var clock = new ManualClock();
        await using var factory = new RtpSessionFactory(new RtpOptions(), clock, NullLoggerFactory.Instance);
        var transports = Enumerable.Range(0, 500).Select(_ => new CountingRtpTransport()).ToArray();
        var sessions = transports.Select(factory.CreateSession).ToArray();

        // An A-law prompt on µ-law calls: every frame goes through the transcoding path.
        var prompt = new Prompt("long", CallAudioCodec.Pcma, new byte[Prompt.SampleRate * 10]);
        foreach (var session in sessions)
        {
            session.Configure(new RtpSessionConfiguration(MediaTestContext.Remote, CallAudioCodec.Pcmu, 101));
            _ = session.PlayAsync(prompt, CancellationToken.None);
        }

        Tick(factory.Pacer, clock, 20);
        var sentBefore = transports.Sum(t => t.Count);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        Tick(factory.Pacer, clock, 200);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        // 200 ticks of 5 ms: one second, 50 frames for each session.
        Assert.Equal(500 * 50, transports.Sum(t => t.Count) - sentBefore);
        Assert.Equal(0, allocated);
        foreach (var session in sessions)
        {
            await session.DisposeAsync();
        }
    }

    [Fact]
    public async Task OnTick_CatchUpBurstsOfManySessions_EveryPacketCarriesItsOwnSessionsAudio()
    {
        var time = new FakeTimeProvider();
        await using var factory = new RtpSessionFactory(new RtpOptions { MaxCatchUpFrames = 3 }, time,
            NullLoggerFactory.Instance);
        var transports = Enumerable.Range(0, 50).Select(_ => new FakeRtpTransport(time)).ToArray();
        var sessions = transports.Select(factory.CreateSession).ToArray();
        for (var i = 0; i < sessions.Length; i++)
        {
            sessions[i].Configure(new RtpSessionConfiguration(MediaTestContext.Remote, CallAudioCodec.Pcmu, 101));
            var samples = Enumerable.Repeat((byte)(i + 1), Prompt.SampleRate).ToArray();
            _ = sessions[i].PlayAsync(new Prompt($"p{i}", CallAudioCodec.Pcmu, samples), CancellationToken.None);
        }

        // Every tick comes 65 ms late, so every session sends three frames back to back from its one buffer.
        for (var stall = 0; stall < 10; stall++)
        {
            time.Advance(TimeSpan.FromMilliseconds(65));
        }

        for (var i = 0; i < sessions.Length; i++)
        {
            var sent = transports[i].Sent;
            var ssrc = sessions[i].Outbound.Ssrc;
            var value = (byte)(i + 1);
            Assert.True(sent.Count >= 20);
            Assert.All(sent, p => Assert.Equal(ssrc, p.Header.Ssrc));
            Assert.All(sent, p => Assert.All(p.Payload, b => Assert.Equal(value, b)));
            Assert.All(sent.Zip(sent.Skip(1)), pair =>
                Assert.Equal((ushort)(pair.First.Header.SequenceNumber + 1), pair.Second.Header.SequenceNumber));
        }

        foreach (var session in sessions)
        {
            await session.DisposeAsync();
        }
    }

    private static void Tick(RtpPacer pacer, ManualClock clock, int ticks)
    {
        for (var i = 0; i < ticks; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(5));
            pacer.RunTick();
        }
    }
}
