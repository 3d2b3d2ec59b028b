using Edge.Sip.Internal.Timers;
using Edge.Sip.Internal.Transport;

namespace Edge.Sip.Internal.Calls;

/// <summary>A 2xx to an INVITE that the UAS core retransmits until the ACK (RFC 3261 §13.3.1.4).</summary>
internal sealed class PendingAck(byte[] response, SendTarget target, long cseq, bool offerInResponse)
{
    public byte[] Response { get; } = response;

    public SendTarget Target { get; } = target;

    /// <summary>CSeq number of the INVITE; the ACK carries the same number.</summary>
    public long CSeq { get; } = cseq;

    /// <summary>Whether our 2xx carried an offer, so the ACK must carry the answer.</summary>
    public bool OfferInResponse { get; } = offerInResponse;

    public TimeSpan Interval { get; set; }

    public TimerHandle? Retransmit { get; set; }

    public TimerHandle? GiveUp { get; set; }

    public void Cancel()
    {
        Retransmit?.Cancel();
        GiveUp?.Cancel();
    }
}
