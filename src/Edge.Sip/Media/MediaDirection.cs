namespace Edge.Sip.Media;

/// <summary>
/// Our own media direction, as in the SDP we answered (RFC 3264 §6.1, RFC 4566 §6). When the caller puts us on hold
/// with <c>a=sendonly</c>, we answer <c>a=recvonly</c> and configure <see cref="ReceiveOnly"/>.
/// </summary>
public enum MediaDirection
{
    /// <summary>We send and receive (<c>a=sendrecv</c>).</summary>
    SendReceive,

    /// <summary>We send only (<c>a=sendonly</c>); received packets are still read for DTMF and latching.</summary>
    SendOnly,

    /// <summary>We do not send (<c>a=recvonly</c>); prompts still advance on the clock, silently.</summary>
    ReceiveOnly,

    /// <summary>Neither side sends (<c>a=inactive</c>); prompts still advance on the clock, silently.</summary>
    Inactive,
}
