namespace Edge.Sip.Internal.Transport;

/// <summary>What the TCP framer found in the stream.</summary>
internal enum FrameKind
{
    Message = 0,

    /// <summary>A double-CRLF keep-alive ping to answer with one CRLF (RFC 5626 §4.4.1).</summary>
    Ping,

    /// <summary>A head whose Content-Length is missing, negative, malformed or absurd: answer 400 and close.</summary>
    BadLength,

    /// <summary>A head that never ends within the size limit: close.</summary>
    TooLarge,
}
