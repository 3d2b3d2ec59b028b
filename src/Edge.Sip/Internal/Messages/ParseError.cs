namespace Edge.Sip.Internal.Messages;

/// <summary>Why bytes did not form a valid SIP message.</summary>
internal enum ParseError
{
    None = 0,
    Empty,
    TooLarge,
    Incomplete,
    BadStartLine,
    BadHeader,
    TooManyHeaders,
    LineTooLong,
    BadContentLength,
    MissingHeader,
    BadHeaderValue,
    CSeqMethodMismatch,
}
