namespace Edge.Sip;

/// <summary>Why a call ended.</summary>
public enum CallEndReason
{
    /// <summary>The caller hung up (BYE).</summary>
    RemoteHangUp = 0,

    /// <summary>We hung up (HangUpAsync).</summary>
    LocalHangUp,

    /// <summary>The caller cancelled before we answered.</summary>
    Cancelled,

    /// <summary>We rejected the call (RejectAsync or a failed offer).</summary>
    Rejected,

    /// <summary>Failed: our 200 OK was never acknowledged within 64*T1; we sent BYE (RFC 3261 §13.3.1.4).</summary>
    NoAck,

    /// <summary>The endpoint stopped.</summary>
    Shutdown,
}
