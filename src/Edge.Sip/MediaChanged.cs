namespace Edge.Sip;

/// <summary>A re-INVITE (or the answer in an ACK) changed the media: hold, resume, a new address or codec.</summary>
/// <param name="Media">The peer's media now, with our direction.</param>
/// <param name="Codec">The codec now in use.</param>
public sealed record MediaChanged(MediaOffer Media, CallAudioCodec Codec) : CallEvent;
