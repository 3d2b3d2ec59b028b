using System.Net;
using System.Threading.Channels;
using Edge.Sip.Media;
using Microsoft.Extensions.Logging;

namespace Edge.Sip.Internal.Media;

/// <summary>
/// The receiving half of one call: validates datagrams as RTP, latches the send address to the first source once
/// configured (symmetric RTP, RFC 4961) and then accepts packets from that source only, and turns telephone-events
/// on the negotiated payload type into digits.
/// </summary>
internal sealed partial class RtpInboundStream(
    RtpOutboundStream outbound,
    Rfc4733Receiver receiver,
    ChannelWriter<DtmfDigit> digits,
    TimeProvider timeProvider,
    ILogger logger,
    int localPort)
{
    private readonly Lock _gate = new();
    private SocketAddress? _latched;
    private bool _configured;
    private byte? _eventPayloadType;
    private long _packetsReceived;
    private long _invalidPackets;
    private long _otherSourcePackets;
    private long _digitsReceived;

    public int TrackedDtmfEvents
    {
        get
        {
            lock (_gate)
            {
                return receiver.TrackedEventCount;
            }
        }
    }

    public void Configure(RtpSessionConfiguration configuration)
    {
        lock (_gate)
        {
            // A new offer/answer may move the remote; latch again to whatever it sends from next.
            _configured = true;
            _latched = null;
            _eventPayloadType = (byte?)configuration.TelephoneEventPayloadType;
        }
    }

    public void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        var parsed = RtpPacket.Parse(datagram);
        lock (_gate)
        {
            if (!parsed.IsValid)
            {
                _invalidPackets++;
                Log.InvalidPacket(logger, localPort, parsed.Status);
                return;
            }

            if (!AcceptSource(source))
            {
                _otherSourcePackets++;
                Log.OtherSource(logger, localPort);
                return;
            }

            _packetsReceived++;

            // Limitation: received audio is counted, not decoded or buffered (no jitter buffer): the IVR only needs
            // the caller's digits. Recording or speech recognition would need a jitter buffer here.
            if (parsed.Header.PayloadType == _eventPayloadType)
            {
                AcceptEvent(parsed.Header, datagram.Slice(parsed.PayloadOffset, parsed.PayloadLength));
            }
        }
    }

    /// <summary>Counts a digit reported by the signalling layer, so statistics cover both sources.</summary>
    public void CountDigit()
    {
        lock (_gate)
        {
            _digitsReceived++;
        }
    }

    public (long Received, long Invalid, long OtherSource, long Digits) GetStatistics()
    {
        lock (_gate)
        {
            return (_packetsReceived, _invalidPackets, _otherSourcePackets, _digitsReceived);
        }
    }

    private static SocketAddress Copy(SocketAddress source)
    {
        var copy = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span[..source.Size].CopyTo(copy.Buffer.Span);
        return copy;
    }

    private bool AcceptSource(SocketAddress source)
    {
        if (!_configured)
        {
            return true;
        }

        // Limitation: latching happens once per offer/answer; if the caller's NAT mapping changes mid-call the
        // new source is dropped until the next re-INVITE, the price of not letting a third party hijack the stream.
        if (_latched is null)
        {
            _latched = Copy(source);
            outbound.Latch(_latched);
            Log.Latched(logger, localPort);
            return true;
        }

        return _latched.Equals(source);
    }

    private void AcceptEvent(RtpHeader header, ReadOnlySpan<byte> payload)
    {
        if (!receiver.TryAccept(header.Ssrc, header.Timestamp, payload, out var digit))
        {
            return;
        }

        _digitsReceived++;
        digits.TryWrite(new DtmfDigit(digit, DtmfSource.Rfc4733, timeProvider.GetUtcNow()));
        Log.DtmfReceived(logger, localPort);
    }
}
