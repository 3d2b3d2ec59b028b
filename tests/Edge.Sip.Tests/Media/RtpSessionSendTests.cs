using System.Net;
using Edge.Sip.Media;

namespace Edge.Sip.Tests.Media;

/// <summary>Pacing on absolute deadlines, one clock across prompts, direction, latching, P2 sending.</summary>
public sealed class RtpSessionSendTests
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task OnTick_PacerIntervalNotDividingTwenty_SendsEveryFrameOnItsAbsoluteDeadline()
    {
        // A 7 ms tick never lines up with 20 ms frames; with "sleep 20 ms after sending" the lateness would add up.
        await using var context = new MediaTestContext(new RtpOptions { PacerInterval = TimeSpan.FromMilliseconds(7) });
        context.Configure();
        var start = context.Time.GetUtcNow();

        context.Advance(TimeSpan.FromSeconds(5));

        var sent = context.Transport.Sent;
        Assert.Equal(250, sent.Count);
        for (var n = 0; n < sent.Count; n++)
        {
            var lateness = sent[n].At - (start + (n * Frame));
            Assert.InRange(lateness, TimeSpan.Zero, TimeSpan.FromMilliseconds(7));
        }
    }

    [Fact]
    public async Task OnTick_AlignedPacer_SendsExactlyEveryTwentyMilliseconds()
    {
        await using var context = new MediaTestContext();
        context.Advance(TimeSpan.FromMilliseconds(5));
        context.Configure();
        var start = context.Time.GetUtcNow();

        context.Advance(TimeSpan.FromMilliseconds(200));

        // Frame 0 is due at once and goes out on the next tick, 5 ms later; every later frame exactly on time.
        var times = context.Transport.Sent.Select(p => p.At - start).ToArray();
        Assert.Equal(TimeSpan.FromMilliseconds(5), times[0]);
        Assert.Equal(Enumerable.Range(1, 10).Select(n => n * Frame), times[1..]);
        Assert.Equal(Frame, context.Session.GetStatistics().MaxSendGap);
    }

    [Fact]
    public async Task PlayAsync_TwoPromptsWithSilenceBetween_KeepOneContinuousClock()
    {
        await using var context = new MediaTestContext();
        context.Configure(CallAudioCodec.Pcmu);
        var first = new Prompt("a", CallAudioCodec.Pcmu, Filled(0x11, 400));
        var second = new Prompt("b", CallAudioCodec.Pcma, Filled(G711.LinearToALaw(1000), 320));

        var firstPlay = context.Session.PlayAsync(first, CancellationToken.None);
        context.Advance(TimeSpan.FromMilliseconds(100));
        var firstDone = firstPlay.IsCompleted;
        context.Advance(TimeSpan.FromMilliseconds(100));
        var secondPlay = context.Session.PlayAsync(second, CancellationToken.None);
        context.Advance(TimeSpan.FromMilliseconds(100));

        Assert.True(firstDone);
        Assert.Equal(PlaybackResult.Completed, await firstPlay);
        Assert.Equal(PlaybackResult.Completed, await secondPlay);
        AssertContinuous(context.Transport.Sent);
        var payloads = context.Transport.Sent.Select(p => p.Payload).ToArray();
        Assert.All(payloads[..2], p => Assert.All(p, b => Assert.Equal(0x11, b)));
        Assert.Equal(Filled(0x11, 80).Concat(Filled(G711.MuLawSilence, 80)), payloads[2]);
        Assert.Contains(payloads, p => p.All(b => b == G711.MuLawSilence));
        var transcoded = G711.LinearToMuLaw(G711.ALawToLinear(G711.LinearToALaw(1000)));
        Assert.Equal(2, payloads.Count(p => p.All(b => b == transcoded)));
    }

    [Fact]
    public async Task PlayAsync_QueuedBehindAnother_StartsRightAfterItInTheSameFrame()
    {
        await using var context = new MediaTestContext();
        context.Configure();

        var first = context.Session.PlayAsync(new Prompt("a", CallAudioCodec.Pcmu, Filled(0x11, 100)), default);
        var second = context.Session.PlayAsync(new Prompt("b", CallAudioCodec.Pcmu, Filled(0x22, 100)), default);
        context.Advance(TimeSpan.FromMilliseconds(50));

        await Task.WhenAll(first, second);
        var frames = context.Transport.Sent.Select(p => p.Payload).ToArray();
        Assert.Equal(Filled(0x11, 100).Concat(Filled(0x22, 60)), frames[0]);
        Assert.Equal(Filled(0x22, 40).Concat(Filled(G711.MuLawSilence, 120)), frames[1]);
    }

    [Fact]
    public async Task StopPlayback_WhilePlaying_CompletesAsStoppedAndSendsSilence()
    {
        await using var context = new MediaTestContext();
        context.Configure();
        var play = context.Session.PlayAsync(new Prompt("a", CallAudioCodec.Pcmu, Filled(0x11, 8000)), default);
        context.Advance(TimeSpan.FromMilliseconds(45));

        context.Session.StopPlayback();
        context.Advance(TimeSpan.FromMilliseconds(40));

        Assert.Equal(PlaybackResult.Stopped, await play);
        Assert.All(context.Transport.Sent[^2..], p => Assert.All(p.Payload, b => Assert.Equal(G711.MuLawSilence, b)));
        AssertContinuous(context.Transport.Sent);
    }

    [Fact]
    public async Task PlayAsync_Cancelled_CancelsOnlyThatPrompt()
    {
        await using var context = new MediaTestContext();
        context.Configure();
        using var cancel = new CancellationTokenSource();
        var longPrompt = new Prompt("a", CallAudioCodec.Pcmu, Filled(0x11, 800));
        var cancelled = context.Session.PlayAsync(longPrompt, cancel.Token);
        var next = context.Session.PlayAsync(new Prompt("b", CallAudioCodec.Pcmu, Filled(0x22, 160)), default);

        await cancel.CancelAsync();
        context.Advance(TimeSpan.FromMilliseconds(25));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(PlaybackResult.Completed, await next);
        Assert.All(context.Transport.Sent[0].Payload, b => Assert.Equal(0x22, b));
    }

    [Theory]
    [InlineData(CallMediaDirection.ReceiveOnly)]
    [InlineData(CallMediaDirection.Inactive)]
    public async Task PlayAsync_WhenNotSending_SendsNothingButKeepsTime(CallMediaDirection direction)
    {
        await using var context = new MediaTestContext();
        context.Configure(direction: direction);

        var play = context.Session.PlayAsync(new Prompt("a", CallAudioCodec.Pcmu, Filled(0x11, 800)), default);
        context.Advance(TimeSpan.FromMilliseconds(120));

        Assert.Equal(PlaybackResult.Completed, await play);
        Assert.Empty(context.Transport.Sent);
        Assert.Equal(DtmfSendResult.NotSending, await context.Session.SendDtmfAsync('1', default));
    }

    [Fact]
    public async Task Configure_BackFromHold_ResumesWithMarkerAndTimestampOfElapsedTime()
    {
        await using var context = new MediaTestContext();
        context.Advance(TimeSpan.FromMilliseconds(5));
        context.Configure();
        context.Advance(TimeSpan.FromMilliseconds(40));
        context.Configure(direction: CallMediaDirection.ReceiveOnly);
        context.Advance(TimeSpan.FromMilliseconds(100));

        context.Configure(direction: CallMediaDirection.SendReceive);
        context.Advance(TimeSpan.FromMilliseconds(20));

        var sent = context.Transport.Sent;
        var resumed = sent.Skip(1).First(p => p.Header.Marker);
        var beforeHold = sent[sent.IndexOf(resumed) - 1];
        Assert.Equal(160u * 6, resumed.Header.Timestamp - beforeHold.Header.Timestamp);
        Assert.Equal((ushort)(beforeHold.Header.SequenceNumber + 1), resumed.Header.SequenceNumber);
    }

    [Fact]
    public async Task OnDatagram_FirstPacketFromOtherAddress_LatchesSendingThereAndDropsThirdParties()
    {
        await using var context = new MediaTestContext();
        context.Configure();
        var natted = new IPEndPoint(IPAddress.Loopback, 31234);
        var stranger = new IPEndPoint(IPAddress.Loopback, 31999);
        context.Advance(TimeSpan.FromMilliseconds(20));

        context.Transport.Deliver(TestRtp.Audio(1, 160), natted);
        context.Transport.Deliver(TestRtp.Event(101, 2, 320, 1, marker: true), stranger);
        context.Advance(TimeSpan.FromMilliseconds(20));

        Assert.Equal(MediaTestContext.Remote, context.Transport.Sent[0].Destination);
        Assert.Equal(natted, context.Transport.Sent[^1].Destination);
        var statistics = context.Session.GetStatistics();
        Assert.Equal(1, statistics.PacketsReceived);
        Assert.Equal(1, statistics.PacketsFromOtherSources);
        Assert.False(context.Session.Digits.TryRead(out _));
    }

    [Fact]
    public async Task Configure_NoRemoteAddress_SendsNothingUntilMediaArrivesThenAnswersItsSource()
    {
        await using var context = new MediaTestContext();
        var phone = new IPEndPoint(IPAddress.Loopback, 31000);
        context.Session.Configure(new RtpSessionConfiguration(null, CallAudioCodec.Pcmu, 101));
        context.Advance(TimeSpan.FromMilliseconds(60));
        var sentBeforeMedia = context.Transport.Sent.Count;
        var dtmfBeforeMedia = await context.Session.SendDtmfAsync('1', default);

        context.Transport.Deliver(TestRtp.Audio(1, 160), phone);
        context.Advance(TimeSpan.FromMilliseconds(40));

        Assert.Equal(0, sentBeforeMedia);
        Assert.Equal(DtmfSendResult.NotSending, dtmfBeforeMedia);
        Assert.NotEmpty(context.Transport.Sent);
        Assert.All(context.Transport.Sent, p => Assert.Equal(phone, p.Destination));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(128)]
    public async Task Configure_PayloadTypeOutOfRange_Throws(int payloadType)
    {
        await using var context = new MediaTestContext();

        Assert.Throws<ArgumentOutOfRangeException>(() => context.Session.Configure(
            new RtpSessionConfiguration(MediaTestContext.Remote, CallAudioCodec.Pcmu, payloadType)));
    }

    [Fact]
    public async Task OnDatagram_Garbage_IsCountedAndDropped()
    {
        await using var context = new MediaTestContext();
        context.Configure();

        context.Transport.Deliver([0x00, 0x01, 0x02], MediaTestContext.Remote);

        Assert.Equal(1, context.Session.GetStatistics().InvalidPacketsReceived);
        Assert.Equal(0, context.Session.GetStatistics().PacketsReceived);
    }

    [Fact]
    public async Task OnTick_AfterAStall_SkipsOldFramesAndKeepsTheClock()
    {
        await using var context = new MediaTestContext(new RtpOptions { MaxCatchUpFrames = 3 });
        context.Advance(TimeSpan.FromMilliseconds(5));
        context.Configure();
        context.Advance(TimeSpan.FromMilliseconds(20));

        // Twelve frames are due by now (deadlines 5 + 20n ms); two went out, three are sent late, seven skipped.
        context.Time.Advance(TimeSpan.FromMilliseconds(200));

        var sent = context.Transport.Sent;
        Assert.Equal(2 + 3, sent.Count);
        Assert.Equal(160u * 8, sent[2].Header.Timestamp - sent[1].Header.Timestamp);
        Assert.True(sent[2].Header.Marker);
        Assert.Equal(7, context.Session.GetStatistics().LateFramesSkipped);
    }

    [Fact]
    public async Task OnTick_BeforeConfigure_SendsNothing()
    {
        await using var context = new MediaTestContext();
        var play = context.Session.PlayAsync(new Prompt("a", CallAudioCodec.Pcmu, Filled(0x11, 160)), default);

        context.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Empty(context.Transport.Sent);
        Assert.False(play.IsCompleted);
    }

    [Fact]
    public async Task DisposeAsync_WithPromptQueued_CompletesItAsStopped()
    {
        var context = new MediaTestContext();
        context.Configure();
        var play = context.Session.PlayAsync(new Prompt("a", CallAudioCodec.Pcmu, Filled(0x11, 8000)), default);

        await context.DisposeAsync();

        Assert.Equal(PlaybackResult.Stopped, await play);
    }

    [Theory]
    [InlineData(96)]
    [InlineData(101)]
    [InlineData(110)]
    public async Task SendDtmfAsync_NegotiatedPayloadType_SendsStartUpdatesAndThreeEndsOnIt(int payloadType)
    {
        var options = new RtpOptions { DtmfToneDuration = TimeSpan.FromMilliseconds(100) };
        await using var context = new MediaTestContext(options);
        context.Configure(eventPayloadType: (byte)payloadType);
        context.Advance(TimeSpan.FromMilliseconds(40));

        var send = context.Session.SendDtmfAsync('#', default);
        context.Advance(TimeSpan.FromMilliseconds(200));

        Assert.Equal(DtmfSendResult.Sent, await send);
        var events = context.Transport.Sent.Where(p => p.Header.PayloadType == payloadType).ToArray();
        Assert.Equal(7, events.Length);
        Assert.True(events[0].Header.Marker);
        Assert.All(events[1..], p => Assert.False(p.Header.Marker));
        Assert.All(events, p => Assert.Equal(events[0].Header.Timestamp, p.Header.Timestamp));
        Assert.All(events, p => Assert.Equal(11, p.Payload[0]));
        Assert.Equal([160, 320, 480, 640, 800, 800, 800], events.Select(p => (p.Payload[2] << 8) | p.Payload[3]));
        Assert.Equal([false, false, false, false, true, true, true], events.Select(p => (p.Payload[1] & 0x80) != 0));
        Assert.All(events, p => Assert.Equal(10, p.Payload[1] & 0x3F));
        AssertContinuousSequence(context.Transport.Sent);
        Assert.Equal(0, context.Transport.Sent[^1].Header.PayloadType);
    }

    [Fact]
    public async Task SendDtmfAsync_NotNegotiated_ReturnsValue()
    {
        await using var context = new MediaTestContext();
        context.Configure(eventPayloadType: null);

        Assert.Equal(DtmfSendResult.NotNegotiated, await context.Session.SendDtmfAsync('1', default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => context.Session.SendDtmfAsync('x', default));
    }

    [Fact]
    public async Task SendDtmfAsync_DuringPrompt_PausesThePromptAndKeepsTheClock()
    {
        await using var context = new MediaTestContext();
        context.Configure();
        var play = context.Session.PlayAsync(new Prompt("a", CallAudioCodec.Pcmu, Filled(0x11, 480)), default);
        context.Advance(TimeSpan.FromMilliseconds(10));

        var send = context.Session.SendDtmfAsync('1', default);
        context.Advance(TimeSpan.FromMilliseconds(300));

        Assert.Equal(DtmfSendResult.Sent, await send);
        Assert.Equal(PlaybackResult.Completed, await play);
        var audio = context.Transport.Sent.Where(p => p.Header.PayloadType == 0).ToArray();
        Assert.Equal(3, audio.Count(p => p.Payload.All(b => b == 0x11)));
        AssertContinuousSequence(context.Transport.Sent);
    }

    private static byte[] Filled(byte value, int count) => Enumerable.Repeat(value, count).ToArray();

    private static void AssertContinuous(List<SentPacket> sent)
    {
        AssertContinuousSequence(sent);
        for (var i = 1; i < sent.Count; i++)
        {
            Assert.Equal(160u, sent[i].Header.Timestamp - sent[i - 1].Header.Timestamp);
            Assert.Equal(sent[0].Header.Ssrc, sent[i].Header.Ssrc);
        }

        Assert.True(sent[0].Header.Marker);
        Assert.All(sent.Skip(1), p => Assert.False(p.Header.Marker));
    }

    private static void AssertContinuousSequence(List<SentPacket> sent)
    {
        for (var i = 1; i < sent.Count; i++)
        {
            Assert.Equal((ushort)(sent[i - 1].Header.SequenceNumber + 1), sent[i].Header.SequenceNumber);
        }
    }
}
