using System.Diagnostics.CodeAnalysis;

namespace Edge.Sip.Media;

/// <summary>A new RTP session, or why none could be created.</summary>
public sealed record RtpSessionResult
{
    private RtpSessionResult(RtpSession? session, RtpSessionError error)
    {
        Session = session;
        Error = error;
    }

    /// <summary>The session when one was created; the caller owns and disposes it.</summary>
    public RtpSession? Session { get; }

    /// <summary>Why no session was created, or <see cref="RtpSessionError.None"/>.</summary>
    public RtpSessionError Error { get; }

    /// <summary>Whether a session was created.</summary>
    [MemberNotNullWhen(true, nameof(Session))]
    public bool IsSuccess => Session is not null;

    internal static RtpSessionResult Success(RtpSession session) => new(session, RtpSessionError.None);

    internal static RtpSessionResult Failure(RtpSessionError error) => new(null, error);
}
