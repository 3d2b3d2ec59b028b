namespace Edge.Sip.Internal.Calls;

/// <summary>Which request carried a session description: logged when its RTP address is not used.</summary>
internal enum SdpCarrier
{
    /// <summary>The offer in the initial INVITE.</summary>
    InviteOffer = 0,

    /// <summary>The answer in the ACK to our offer in a 2xx (an INVITE without SDP, RFC 3261 §13.2.1).</summary>
    AckAnswer,

    /// <summary>The offer in a re-INVITE within the dialog (RFC 3261 §14.2).</summary>
    ReInviteOffer,
}
