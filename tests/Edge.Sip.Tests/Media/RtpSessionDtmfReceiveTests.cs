using System.Net;
using Edge.Sip.Media;

namespace Edge.Sip.Tests.Media;

/// <summary>Cases P1 (one digit per RFC 4733 event), P2 (receive on the caller's number), P10 (volume).</summary>
public sealed class RtpSessionDtmfReceiveTests
{
    private const byte EventPayloadType = 101;

    [Fact]
    public async Task OnDatagram_FullEventWithThreeEndPackets_YieldsExactlyOneDigit()
    {
        await using var context = Configured();

        Deliver(context, TestRtp.KeyPress(EventPayloadType, 1, 1000, eventCode: 5));

        Assert.Equal("5", Drain(context.Session));
    }

    [Fact]
    public async Task OnDatagram_SameDigitPressedTwice_YieldsTwoDigits()
    {
        await using var context = Configured();

        Deliver(context, TestRtp.KeyPress(EventPayloadType, 1, 1000, eventCode: 1));
        Deliver(context, TestRtp.KeyPress(EventPayloadType, 8, 2600, eventCode: 1));

        Assert.Equal("11", Drain(context.Session));
    }

    [Fact]
    public async Task OnDatagram_StartPacketLost_StillYieldsTheDigit()
    {
        await using var context = Configured();

        Deliver(context, TestRtp.KeyPress(EventPayloadType, 1, 1000, eventCode: 9).Skip(1));

        Assert.Equal("9", Drain(context.Session));
    }

    [Fact]
    public async Task OnDatagram_EndPacketsLost_YieldsTheDigitAtOnceAndLaterDigitsToo()
    {
        await using var context = Configured();

        Deliver(context, TestRtp.KeyPress(EventPayloadType, 1, 1000, eventCode: 4).Take(3));
        var first = Drain(context.Session);
        context.Advance(TimeSpan.FromMilliseconds(300));
        Deliver(context, TestRtp.KeyPress(EventPayloadType, 4, 3000, eventCode: 4));
        Deliver(context, TestRtp.KeyPress(EventPayloadType, 11, 5000, eventCode: 2));

        Assert.Equal("4", first);
        Assert.Equal("42", Drain(context.Session));
    }

    [Fact]
    public async Task OnDatagram_EventStateAfterTimeout_IsForgotten()
    {
        await using var context = Configured(new RtpOptions { DtmfEventStateTimeout = TimeSpan.FromSeconds(1) });
        Deliver(context, TestRtp.KeyPress(EventPayloadType, 1, 1000, eventCode: 3).Take(2));
        Assert.Equal(1, context.Session.Inbound.TrackedDtmfEvents);

        context.Time.Advance(TimeSpan.FromMilliseconds(1100));
        Deliver(context, TestRtp.KeyPress(EventPayloadType, 3, 9000, eventCode: 6).Take(1));

        Assert.Equal(1, context.Session.Inbound.TrackedDtmfEvents);
        Assert.Equal("36", Drain(context.Session));
    }

    [Fact]
    public async Task OnDatagram_EndPacketsBeforeStart_YieldsOneDigit()
    {
        await using var context = Configured();

        Deliver(context, TestRtp.KeyPress(EventPayloadType, 1, 1000, eventCode: 11).Reverse());

        Assert.Equal("#", Drain(context.Session));
    }

    [Fact]
    public async Task OnDatagram_SameTimestampFromAnotherSsrc_IsAnotherEvent()
    {
        await using var context = Configured();

        Deliver(context, TestRtp.KeyPress(EventPayloadType, 1, 1000, eventCode: 10, ssrc: 1));
        Deliver(context, TestRtp.KeyPress(EventPayloadType, 1, 1000, eventCode: 10, ssrc: 2));

        Assert.Equal("**", Drain(context.Session));
    }

    [Theory]
    [InlineData(12, "A")]
    [InlineData(15, "D")]
    [InlineData(0, "0")]
    public async Task OnDatagram_EventCodeTable_MapsPerRfc4733(int code, string digit)
    {
        await using var context = Configured();

        Deliver(context, TestRtp.KeyPress(EventPayloadType, 1, 1000, (byte)code));

        Assert.Equal(digit, Drain(context.Session));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(255)]
    public async Task OnDatagram_UnknownEvent_IsIgnored(int code)
    {
        await using var context = Configured();

        Deliver(context, TestRtp.KeyPress(EventPayloadType, 1, 1000, (byte)code));

        Assert.Equal("", Drain(context.Session));
    }

    [Fact]
    public async Task OnDatagram_ReservedBitSet_VolumeMaskedAndDigitCountedOnce()
    {
        await using var context = Configured();

        // P10: the R bit (0x40) in the volume byte is reserved and must not change the digit or the end detection.
        Deliver(context, [
            TestRtp.Event(EventPayloadType, 1, 1000, 7, marker: true, flagsExtra: 0x40),
            TestRtp.Event(EventPayloadType, 2, 1000, 7, end: true, duration: 320, flagsExtra: 0x40),
            TestRtp.Event(EventPayloadType, 3, 1000, 7, end: true, duration: 320, flagsExtra: 0x40),
        ]);

        Assert.Equal("7", Drain(context.Session));
    }

    [Fact]
    public async Task OnDatagram_LongEventSecondSegment_IsTheSameKeyPress()
    {
        await using var context = Configured();

        // RFC 4733 §2.5.1.3: past 0xFFFF timestamp units the event continues in a segment with a new timestamp.
        Deliver(context, [
            TestRtp.Event(EventPayloadType, 1, 1000, 8, marker: true),
            TestRtp.Event(EventPayloadType, 2, 1000, 8, duration: ushort.MaxValue),
            TestRtp.Event(EventPayloadType, 3, 1000 + ushort.MaxValue, 8, duration: 800),
            TestRtp.Event(EventPayloadType, 4, 1000 + ushort.MaxValue, 8, end: true, duration: 960),
        ]);

        Assert.Equal("8", Drain(context.Session));
    }

    [Theory]
    [InlineData(96)]
    [InlineData(101)]
    [InlineData(110)]
    public async Task OnDatagram_EventsOnNegotiatedPayloadType_AreHeardAndOthersNot(int payloadType)
    {
        await using var context = new MediaTestContext();
        context.Configure(eventPayloadType: (byte)payloadType);
        var other = (byte)(payloadType == 101 ? 96 : 101);

        Deliver(context, TestRtp.KeyPress(other, 1, 1000, eventCode: 2));
        Deliver(context, TestRtp.KeyPress((byte)payloadType, 8, 3000, eventCode: 3));

        Assert.Equal("3", Drain(context.Session));
    }

    [Fact]
    public async Task OnDatagram_NoTelephoneEventNegotiated_IgnoresEvents()
    {
        await using var context = new MediaTestContext();
        context.Configure(eventPayloadType: null);

        Deliver(context, TestRtp.KeyPress(EventPayloadType, 1, 1000, eventCode: 2));

        Assert.Equal("", Drain(context.Session));
        Assert.Equal(7, context.Session.GetStatistics().PacketsReceived);
    }

    [Fact]
    public async Task ReportSipInfoDigit_ValidDigit_IsReadWithItsSource()
    {
        await using var context = Configured();

        Assert.True(context.Session.ReportSipInfoDigit('9'));
        Assert.False(context.Session.ReportSipInfoDigit('x'));

        Assert.True(context.Session.Digits.TryRead(out var digit));
        Assert.Equal(new DtmfDigit('9', DtmfSource.SipInfo, context.Time.GetUtcNow()), digit);
        Assert.Equal(1, context.Session.GetStatistics().DtmfDigitsReceived);
    }

    [Fact]
    public async Task Digits_Rfc4733Digit_CarriesSourceAndTime()
    {
        await using var context = Configured();

        Deliver(context, TestRtp.KeyPress(EventPayloadType, 1, 1000, eventCode: 0));

        Assert.True(context.Session.Digits.TryRead(out var digit));
        Assert.Equal(new DtmfDigit('0', DtmfSource.Rfc4733, context.Time.GetUtcNow()), digit);
    }

    [Fact]
    public async Task DisposeAsync_Always_CompletesDigits()
    {
        var context = Configured();

        await context.DisposeAsync();

        Assert.True(context.Session.Digits.Completion.IsCompleted);
        Assert.True(context.Transport.IsDisposed);
    }

    private static MediaTestContext Configured(RtpOptions? options = null)
    {
        var context = new MediaTestContext(options);
        context.Configure(eventPayloadType: EventPayloadType);
        return context;
    }

    private static void Deliver(MediaTestContext context, IEnumerable<byte[]> datagrams)
    {
        var source = new IPEndPoint(IPAddress.Loopback, 30000);
        foreach (var datagram in datagrams)
        {
            context.Transport.Deliver(datagram, source);
        }
    }

    private static string Drain(RtpSession session)
    {
        var digits = new List<char>();
        while (session.Digits.TryRead(out var digit))
        {
            digits.Add(digit.Digit);
        }

        return new string([.. digits]);
    }
}
