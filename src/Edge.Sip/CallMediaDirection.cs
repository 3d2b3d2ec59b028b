namespace Edge.Sip;

/// <summary>Which way media flows, seen from our side of the call (RFC 3264 §6.1).</summary>
public enum CallMediaDirection
{
    /// <summary>We send and receive.</summary>
    SendReceive = 0,

    /// <summary>We only send (the peer offered recvonly).</summary>
    SendOnly,

    /// <summary>We only receive; we must not send (the peer put us on hold with sendonly).</summary>
    ReceiveOnly,

    /// <summary>No media either way.</summary>
    Inactive,
}
