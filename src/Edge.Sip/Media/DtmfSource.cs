namespace Edge.Sip.Media;

/// <summary>How a DTMF digit reached us.</summary>
public enum DtmfSource
{
    /// <summary>An RFC 4733 telephone-event in the RTP stream.</summary>
    Rfc4733,

    /// <summary>A SIP INFO request (application/dtmf-relay), reported by the signalling layer.</summary>
    SipInfo,
}
