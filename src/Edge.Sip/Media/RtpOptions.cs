using System.Net;

namespace Edge.Sip.Media;

/// <summary>Configuration of the RTP media of the telephony gateway.</summary>
public sealed record RtpOptions
{
    /// <summary>The address RTP sockets bind to. Default 127.0.0.1 (the embedded single-machine setup).</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The lowest RTP port; RTP uses even ports (RFC 3550 §11). Default 16384.</summary>
    public int FirstPort { get; init; } = 16384;

    /// <summary>The highest RTP port (inclusive). Default 32766.</summary>
    public int LastPort { get; init; } = 32766;

    /// <summary>
    /// How often the shared pacer wakes to send every due frame of every session. Frames are due on absolute 20 ms
    /// deadlines; this only bounds how late one can be. Default 5 ms.
    /// </summary>
    public TimeSpan PacerInterval { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// How many overdue frames of one session the pacer still sends in a burst after a stall; older ones are skipped
    /// (the RTP timestamp still advances). Default 3.
    /// </summary>
    public int MaxCatchUpFrames { get; init; } = 3;

    /// <summary>
    /// Bytes the process may allocate after a garbage collection before the pacer runs the next young-generation
    /// collection itself, on its own thread right after a tick, instead of leaving the moment to the runtime (whose
    /// stop-the-world pause then lands wherever it lands, often on a deadline). Set it below the runtime's young
    /// generation budget. Default 0: the pacer never collects.
    /// </summary>
    public long PacerCollectionThreshold { get; init; }

    /// <summary>How long the receiver remembers a DTMF event after its last packet. Default 2 s.</summary>
    public TimeSpan DtmfEventStateTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a sent DTMF tone lasts, rounded to 20 ms frames. Default 100 ms.</summary>
    public TimeSpan DtmfToneDuration { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The volume of sent DTMF events in -dBm0, 0–63 (RFC 4733 §2.3.4). Default 10.</summary>
    public byte DtmfVolume { get; init; } = 10;

    /// <summary>Checks every setting and returns all problems at once (empty when valid).</summary>
    /// <returns>One message per problem, naming the setting.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (FirstPort < 1024 || FirstPort > 65534)
        {
            errors.Add($"{nameof(FirstPort)} must be between 1024 and 65534.");
        }

        if (LastPort < FirstPort || LastPort > 65535)
        {
            errors.Add($"{nameof(LastPort)} must be at least {nameof(FirstPort)} and at most 65535.");
        }
        else if (FirstPort == LastPort && FirstPort % 2 != 0)
        {
            errors.Add($"{nameof(FirstPort)}..{nameof(LastPort)} must contain an even port.");
        }

        AddTimingErrors(errors);
        return errors;
    }

    private void AddTimingErrors(List<string> errors)
    {
        if (PacerInterval <= TimeSpan.Zero || PacerInterval > TimeSpan.FromMilliseconds(20))
        {
            errors.Add($"{nameof(PacerInterval)} must be more than 0 and at most 20 ms.");
        }

        if (PacerCollectionThreshold < 0)
        {
            errors.Add($"{nameof(PacerCollectionThreshold)} must be 0 (off) or more.");
        }

        if (MaxCatchUpFrames < 1)
        {
            errors.Add($"{nameof(MaxCatchUpFrames)} must be at least 1.");
        }

        if (DtmfEventStateTimeout < TimeSpan.FromMilliseconds(200))
        {
            errors.Add($"{nameof(DtmfEventStateTimeout)} must be at least 200 ms.");
        }

        if (DtmfToneDuration < TimeSpan.FromMilliseconds(40) || DtmfToneDuration > TimeSpan.FromSeconds(5))
        {
            errors.Add($"{nameof(DtmfToneDuration)} must be between 40 ms and 5 s.");
        }

        if (DtmfVolume > 63)
        {
            errors.Add($"{nameof(DtmfVolume)} must be between 0 and 63.");
        }
    }
}
