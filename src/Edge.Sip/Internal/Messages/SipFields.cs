namespace Edge.Sip.Internal.Messages;

/// <summary>Typed views of headers of a message that already passed <see cref="SipParser"/> validation.</summary>
internal static class SipFields
{
    public static NameAddress? Address(string? text) => NameAddress.TryParse(text, out var address) ? address : null;

    public static NameAddress? From(SipMessage message) => Address(message.Get(HeaderNames.From));

    public static NameAddress? To(SipMessage message) => Address(message.Get(HeaderNames.To));

    public static CSeqValue CSeq(SipMessage message) =>
        CSeqValue.TryParse(message.Get(HeaderNames.CSeq), out var cseq) ? cseq : new CSeqValue(0, string.Empty);

    public static ViaValue? TopVia(SipMessage message) => ViaValue.TryParse(message.Get(HeaderNames.Via), out var via) ? via : null;
}
