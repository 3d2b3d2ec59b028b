namespace Edge.Sip.Internal.Sdp;

/// <summary>The SDP direction attributes (RFC 4566 §6, RFC 3264 §5.1), as the sender of the SDP means them.</summary>
internal enum SdpDirection
{
    SendRecv = 0,
    SendOnly,
    RecvOnly,
    Inactive,
}
