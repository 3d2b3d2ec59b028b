using System.Net;
using Edge.Sip;
using Edge.Sip.Media;

namespace Edge.Host.Telephony.Sip;

/// <summary>
/// Maps the one configuration of the role (<see cref="TelephonyOptions"/>) onto the options of Edge.Sip's signalling
/// and media, so the listener, the RTP range and the trusted peers are set in one place only.
/// </summary>
internal static class SipStackOptions
{
    /// <summary>
    /// Calls beyond the IVR's lines that the stack still hands over, so the IVR can answer 486 Busy Here and record
    /// them (CallOutcome.Bezet); more than that the stack refuses itself with 503 and Retry-After.
    /// </summary>
    public const int BusyHeadroomFactor = 2;

    /// <summary>
    /// The RTP pacer runs the young-generation collection right after a tick once 1 MiB has been allocated since the
    /// last one: half the 2 MiB gen0 budget the systemd unit sets (DOTNET_GCgen0size), so the runtime rarely starts
    /// it at a moment of its own, when its pause adds to a call's send gap (bench/README.md, "Telephony").
    /// </summary>
    public const long PacerCollectionThreshold = 1024 * 1024;

    public static SipOptions ToSipOptions(TelephonyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SipOptions
        {
            ListenAddress = IPAddress.Parse(options.SipListenAddress),
            Port = options.SipListenPort,
            MaxConcurrentCalls = options.MaxConcurrentCalls * BusyHeadroomFactor,
            TrustedPeers = [.. options.TrustedTrunkPeers.Select(IPAddress.Parse)],
            MaxTcpConnections = options.MaxTcpConnections,
            TcpIdleTimeout = options.TcpIdleTimeout,
        };
    }

    public static RtpOptions ToRtpOptions(TelephonyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RtpOptions
        {
            BindAddress = IPAddress.Parse(options.RtpAddress),
            FirstPort = options.RtpPortMin,
            LastPort = options.RtpPortMax,
            PacerCollectionThreshold = PacerCollectionThreshold,
        };
    }

    /// <summary>How long a call rings before the IVR answers it.</summary>
    public static TimeSpan RingTime(TelephonyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.RingTime;
    }
}
