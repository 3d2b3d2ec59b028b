namespace Edge.Sip.Internal.Messages;

/// <summary>
/// Outcome of parsing: a message, or an error with a reason phrase that names the field (never its value).
/// <see cref="Partial"/> holds what could be read, so a 400 can still copy Via, From, To, Call-ID and CSeq.
/// </summary>
internal sealed record ParseResult(SipMessage? Message, ParseError Error, string Reason, SipMessage? Partial)
{
    public bool IsSuccess => Message is not null;

    public static ParseResult Ok(SipMessage message) => new(message, ParseError.None, string.Empty, null);

    public static ParseResult Fail(ParseError error, string reason, SipMessage? partial = null) =>
        new(null, error, reason, partial);
}
