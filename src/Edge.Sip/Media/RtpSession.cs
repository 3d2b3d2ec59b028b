using System.Net;
using System.Threading.Channels;
using Edge.Sip.Internal.Media;
using Microsoft.Extensions.Logging;

namespace Edge.Sip.Media;

/// <summary>
/// The audio stream of one call: a UDP port, one continuous RTP clock for everything we send (prompts, silence,
/// DTMF events), and the digits the caller presses. Create it with <see cref="RtpSessionFactory"/>, configure it
/// from the SDP answer, and dispose it when the call ends to release the port.
/// </summary>
public sealed partial class RtpSession : IAsyncDisposable
{
    private const int DigitBufferSize = 64;

    private readonly IRtpTransport _transport;
    private readonly RtpInboundStream _inbound;
    private readonly Channel<DtmfDigit> _digits;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Action<RtpSession> _onClosed;
    private int _disposed;

    internal RtpSession(
        IRtpTransport transport,
        RtpOptions options,
        TimeProvider timeProvider,
        ILogger logger,
        Action<RtpSession> onClosed)
    {
        _transport = transport;
        _timeProvider = timeProvider;
        _logger = logger;
        _onClosed = onClosed;

        // Nobody reading digits (a call flow that is only playing) must not grow memory; keep the newest.
        _digits = Channel.CreateBounded<DtmfDigit>(
            new BoundedChannelOptions(DigitBufferSize) { FullMode = BoundedChannelFullMode.DropOldest });
        Outbound = new RtpOutboundStream(transport, options, timeProvider, logger);
        var receiver = new Rfc4733Receiver(timeProvider, options.DtmfEventStateTimeout);
        _inbound = new RtpInboundStream(Outbound, receiver, _digits.Writer, timeProvider, logger, LocalEndPoint.Port);
        transport.Start(_inbound.OnDatagram);
    }

    /// <summary>The address and port our RTP socket is bound to, for the SDP <c>c=</c> and <c>m=</c> lines.</summary>
    public IPEndPoint LocalEndPoint => _transport.LocalEndPoint;

    /// <summary>
    /// The digits the caller pressed, one per key press, from RFC 4733 events and from
    /// <see cref="ReportSipInfoDigit"/>. Completes when the session is disposed. Holds the newest 64 unread digits.
    /// </summary>
    public ChannelReader<DtmfDigit> Digits => _digits.Reader;

    internal RtpOutboundStream Outbound { get; }

    internal RtpInboundStream Inbound => _inbound;

    /// <summary>
    /// Applies the result of an offer/answer (the first, or a re-INVITE). The send clock starts at the first call
    /// and then runs without a break for the life of the session. Latching starts over.
    /// </summary>
    /// <param name="configuration">The remote address, codec, telephone-event payload type and our direction.</param>
    public void Configure(RtpSessionConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.TelephoneEventPayloadType is < 0 or > 127)
        {
            throw new ArgumentOutOfRangeException(nameof(configuration), "TelephoneEventPayloadType must be 0-127.");
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        // Outbound first: a packet that arrives once the inbound side has reset its latch must win over the SDP
        // address, not be overwritten by it.
        Outbound.Configure(configuration);
        _inbound.Configure(configuration);
        Log.Configured(_logger, LocalEndPoint.Port, configuration.Codec, configuration.TelephoneEventPayloadType,
            configuration.Direction);
    }

    /// <summary>
    /// Queues a prompt after any prompt already playing, transcoded to the call's codec. Silence fills the stream
    /// before, between and after prompts. While we do not send (hold), the prompt still takes its time.
    /// </summary>
    /// <param name="prompt">The prompt.</param>
    /// <param name="cancellationToken">Cancels this prompt only; the returned task is then cancelled.</param>
    /// <returns>Completes when the last sample has gone out, or when playback is stopped.</returns>
    public Task<PlaybackResult> PlayAsync(Prompt prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return Outbound.Play(prompt, cancellationToken);
    }

    /// <summary>Stops the playing prompt and drops queued ones (barge-in); their tasks complete as stopped.</summary>
    public void StopPlayback() => Outbound.StopPlayback();

    /// <summary>
    /// Sends one digit as RFC 4733 events on the negotiated telephone-event payload type, in place of audio frames.
    /// </summary>
    /// <param name="digit">0–9, *, #, or A–D.</param>
    /// <param name="cancellationToken">Cancels waiting; a digit already started still sends its end packets.</param>
    /// <returns>Whether the digit was sent, or why not.</returns>
    public Task<DtmfSendResult> SendDtmfAsync(char digit, CancellationToken cancellationToken)
    {
        if (!DtmfEvents.TryGetEventCode(digit, out var eventCode))
        {
            throw new ArgumentOutOfRangeException(nameof(digit), "Not a DTMF digit (0-9, *, #, A-D).");
        }

        return Outbound.SendDtmf(eventCode, cancellationToken);
    }

    /// <summary>
    /// Reports a digit that arrived as SIP INFO (<c>application/dtmf-relay</c>), so the call flow reads every digit
    /// from <see cref="Digits"/> whatever way it came.
    /// </summary>
    /// <param name="digit">The digit from the INFO body.</param>
    /// <returns>False when <paramref name="digit"/> is not a DTMF digit or the session is closed.</returns>
    public bool ReportSipInfoDigit(char digit)
    {
        // Limitation: a phone that sends the same key press both as SIP INFO and as RFC 4733 is heard twice; the
        // signalling layer should report INFO digits only when telephone-event was not negotiated.
        if (!DtmfEvents.TryGetEventCode(digit, out var eventCode) || !DtmfEvents.TryGetDigit(eventCode, out var value))
        {
            return false;
        }

        var written = _digits.Writer.TryWrite(new DtmfDigit(value, DtmfSource.SipInfo, _timeProvider.GetUtcNow()));
        if (written)
        {
            _inbound.CountDigit();
            Log.SipInfoDigit(_logger, LocalEndPoint.Port);
        }

        return written;
    }

    /// <summary>A snapshot of the counters.</summary>
    /// <returns>The statistics.</returns>
    public RtpSessionStatistics GetStatistics()
    {
        var (sent, maxGap, skipped) = Outbound.GetStatistics();
        var (received, invalid, otherSource, digits) = _inbound.GetStatistics();
        return new RtpSessionStatistics(sent, received, invalid, otherSource, digits, maxGap, skipped);
    }

    /// <summary>Stops sending and receiving, completes pending playbacks and digits, and releases the port.</summary>
    /// <returns>Completes when the socket is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _onClosed(this);
        Outbound.Close();
        _digits.Writer.TryComplete();
        await _transport.DisposeAsync().ConfigureAwait(false);
        var statistics = GetStatistics();
        Log.Closed(_logger, LocalEndPoint.Port, statistics.PacketsSent, statistics.PacketsReceived,
            statistics.MaxSendGap.TotalMilliseconds);
    }
}
