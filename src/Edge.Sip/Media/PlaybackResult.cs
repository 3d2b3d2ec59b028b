namespace Edge.Sip.Media;

/// <summary>How a prompt playback ended.</summary>
public enum PlaybackResult
{
    /// <summary>The last sample of the prompt went out (or, while we do not send, its time passed).</summary>
    Completed,

    /// <summary>Stopped by <see cref="RtpSession.StopPlayback"/> (barge-in), or the session closed.</summary>
    Stopped,
}
