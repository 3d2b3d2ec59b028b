namespace Edge.Host.Telephony.Calls;

/// <summary>How answering a call ended.</summary>
internal enum AnswerResult
{
    /// <summary>Our 200 OK was acknowledged: the call is up.</summary>
    Answered,

    /// <summary>The caller cancelled while it was ringing (CANCEL, RFC 3261 §9).</summary>
    CancelledWhileRinging,

    /// <summary>Our 200 OK was never acknowledged (RFC 3261 §13.3.1.4, 64*T1 without ACK).</summary>
    NoAck,
}
