namespace Edge.Sip.Media;

/// <summary>The outcome of sending a DTMF digit as RFC 4733 events.</summary>
public enum DtmfSendResult
{
    /// <summary>The start, update and three end packets were sent.</summary>
    Sent,

    /// <summary>No telephone-event payload type was negotiated for this call.</summary>
    NotNegotiated,

    /// <summary>The session is not configured, or our direction does not allow sending.</summary>
    NotSending,

    /// <summary>The session closed before the digit was sent.</summary>
    SessionClosed,
}
