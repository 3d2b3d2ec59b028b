using System.Globalization;
using System.Net;
using Edge.Host.Telephony.Calls;
using Edge.Host.Telephony.Ivr;
using Edge.Host.Telephony.Sip;
using Edge.Sip;
using Edge.Sip.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Host.Tests.Telephony.Sip;

/// <summary>The adapter over a real Edge.Sip endpoint and RTP session on 127.0.0.1, driven by a fake clock.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Design", "CA1001", Justification = "xunit disposes the fields through IAsyncLifetime.DisposeAsync.")]
public sealed class SipCallSessionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private readonly SipEndpoint _endpoint;
    private readonly RtpSessionFactory _media;
    private readonly List<IAsyncDisposable> _owned = [];

    public SipCallSessionTests()
    {
        _endpoint = new SipEndpoint(new SipOptions { Port = 0 }, _time);
        _media = new RtpSessionFactory(new RtpOptions { FirstPort = 47000, LastPort = 47999 }, _time, NullLoggerFactory.Instance);
    }

    [Fact]
    public async Task AnswerAsync_AckArrives_AnsweredWithTheCallersFirstCodec()
    {
        using var peer = await CallAsync(Offer("8 0 101"));
        var session = await NextSessionAsync();

        var answering = session.AnswerAsync(CancellationToken.None);
        var ok = await peer.ReceiveStatusAsync(200);
        peer.Ack();

        Assert.Equal(AnswerResult.Answered, await answering.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Contains("m=audio", ok, StringComparison.Ordinal);
        Assert.Contains("RTP/AVP 8 ", ok, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_CancelDuringRingTime_CancelledWhileRingingWithout200()
    {
        using var peer = await CallAsync(Offer("0"));
        var session = await NextSessionAsync(ringTime: TimeSpan.FromSeconds(5));

        var answering = session.AnswerAsync(CancellationToken.None);
        peer.Cancel();
        await peer.ReceiveStatusAsync(200);
        await peer.ReceiveStatusAsync(487);

        Assert.Equal(AnswerResult.CancelledWhileRinging, await answering.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(session.Ended.IsCancellationRequested);
    }

    [Fact]
    public async Task AnswerAsync_RingTimePasses_Answers()
    {
        using var peer = await CallAsync(Offer("0"));
        var session = await NextSessionAsync(ringTime: TimeSpan.FromSeconds(5));

        var answering = session.AnswerAsync(CancellationToken.None);
        Assert.False(answering.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(5));
        await peer.ReceiveStatusAsync(200);
        peer.Ack();

        Assert.Equal(AnswerResult.Answered, await answering.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task AnswerAsync_AckNeverComes_NoAck()
    {
        using var peer = await CallAsync(Offer("0"));
        var session = await NextSessionAsync();

        var answering = session.AnswerAsync(CancellationToken.None);
        await peer.ReceiveStatusAsync(200);
        _time.Advance(TimeSpan.FromSeconds(33));

        Assert.Equal(AnswerResult.NoAck, await answering.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(session.Ended.IsCancellationRequested);
    }

    [Fact]
    public async Task ReadDigitAsync_InfoDigitWithoutTelephoneEvent_Read()
    {
        using var peer = await CallAsync(Offer("0"));
        var session = await AnsweredSessionAsync(peer);

        peer.Info(2, '7');
        await peer.ReceiveStatusAsync(200);

        var digit = await session.ReadDigitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(DigitResult.Pressed('7'), digit);
    }

    [Fact]
    public async Task ReadDigitAsync_InfoDigitWithTelephoneEvent_IgnoredSoNoKeyCountsTwice()
    {
        using var peer = await CallAsync(Offer("0 101"));
        var session = await AnsweredSessionAsync(peer);

        peer.Info(2, '7');
        await peer.ReceiveStatusAsync(200);
        peer.Bye(3);
        await peer.ReceiveStatusAsync(200);

        var digit = await session.ReadDigitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(DigitResult.CallerHungUp, digit);
    }

    [Fact]
    public async Task PlayAsync_CallerSendsBye_CallerHungUpAndEndedCancelled()
    {
        using var peer = await CallAsync(Offer("0"));
        var session = await AnsweredSessionAsync(peer);

        var playing = session.PlayAsync(IvrPrompts.Menu, CancellationToken.None);
        peer.Bye(2);
        await peer.ReceiveStatusAsync(200);

        Assert.Equal(CallStepResult.CallerHungUp, await playing.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(session.Ended.IsCancellationRequested);
    }

    public Task InitializeAsync() => _endpoint.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        await _endpoint.DisposeAsync();
        await _media.DisposeAsync();
    }

    private static string Offer(string payloads)
    {
        var map = payloads.Contains("101", StringComparison.Ordinal) ? "a=rtpmap:101 telephone-event/8000\r\n" : string.Empty;
        return "v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + string.Create(CultureInfo.InvariantCulture, $"m=audio 46000 RTP/AVP {payloads}\r\n") + map;
    }

    private async Task<UdpSipPeer> CallAsync(string offer)
    {
        var peer = new UdpSipPeer(new IPEndPoint(IPAddress.Loopback, _endpoint.LocalEndPoint!.Port));
        peer.Invite(offer);
        await peer.ReceiveStatusAsync(180);
        return peer;
    }

    private async Task<SipCallSession> NextSessionAsync(TimeSpan ringTime = default)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var call = await _endpoint.IncomingCalls.ReadAsync(timeout.Token);
        var created = _media.CreateSession();
        Assert.True(created.IsSuccess);
        _owned.Add(created.Session);
        var caller = SipCallerMapper.Map(call.Caller, []);
        var session = new SipCallSession(call, created.Session, caller, Prompts(), ringTime, _time, NullLogger.Instance);
        _owned.Add(session);
        return session;
    }

    private async Task<SipCallSession> AnsweredSessionAsync(UdpSipPeer peer)
    {
        var session = await NextSessionAsync();
        var answering = session.AnswerAsync(CancellationToken.None);
        await peer.ReceiveStatusAsync(200);
        peer.Ack();
        Assert.Equal(AnswerResult.Answered, await answering.WaitAsync(TimeSpan.FromSeconds(5)));
        return session;
    }

    private static PromptLibrary Prompts()
    {
        var options = Options.Create(new Edge.Host.Telephony.TelephonyOptions { PromptFolder = "prompts" });
        var catalog = new PromptCatalog(options, NullLogger<PromptCatalog>.Instance);
        return new PromptLibrary(catalog, options, NullLogger<PromptLibrary>.Instance);
    }
}
