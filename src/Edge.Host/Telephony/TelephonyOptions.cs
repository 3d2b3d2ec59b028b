using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace Edge.Host.Telephony;

/// <summary>Settings of the telephony role (configuration section "Telephony"), validated at start.</summary>
internal sealed record TelephonyOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Telephony";

    /// <summary>
    /// The gateway's device id, recorded as the automated actor of every call, e.g. "ivr-gateway-1". Default empty:
    /// then the SDK's device id (OmniSdkOptions.DeviceId) is used, so one device has one id.
    /// </summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    public string DeviceId { get; set; } = string.Empty;

    /// <summary>
    /// Folder with the prompt WAV files; relative paths start at the application folder. Default "prompts".
    /// </summary>
    [Required]
    public string PromptFolder { get; set; } = "prompts";

    /// <summary>The address the SIP listener binds to (UDP and TCP). Default 127.0.0.1.</summary>
    [Required]
    public string SipListenAddress { get; set; } = "127.0.0.1";

    /// <summary>The SIP port. Default 5060 (RFC 3261 §19.1.2).</summary>
    [Range(1, 65535)]
    public int SipListenPort { get; set; } = 5060;

    /// <summary>The address RTP media binds to. Default 127.0.0.1.</summary>
    [Required]
    public string RtpAddress { get; set; } = "127.0.0.1";

    /// <summary>The lowest RTP port. Default 40000.</summary>
    [Range(1024, 65534)]
    public int RtpPortMin { get; set; } = 40000;

    /// <summary>The highest RTP port. Default 40999.</summary>
    [Range(1025, 65535)]
    public int RtpPortMax { get; set; } = 40999;

    /// <summary>
    /// IP addresses of the SIP trunk peers whose P-Asserted-Identity is trusted (RFC 3325 §2.3). Default none.
    /// </summary>
    [SuppressMessage("Usage", "CA2227:Collection properties should be read only", Justification = "Bound from config.")]
    public IList<string> TrustedTrunkPeers { get; set; } = [];

    /// <summary>How many calls run at once; more get 486 Busy Here. Default 8.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentCalls { get; set; } = 8;

    /// <summary>
    /// How many TCP connections the SIP listener keeps open at once; more are closed at accept. Default 256.
    /// </summary>
    [Range(1, 65535)]
    public int MaxTcpConnections { get; set; } = 256;

    /// <summary>
    /// How long an unused SIP TCP connection may stay silent, and the longest one message may take to arrive, before
    /// the listener closes it. Default 32 s (64*T1, RFC 3261 §17.1.1.1).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan TcpIdleTimeout { get; set; } = TimeSpan.FromSeconds(32);

    /// <summary>Whether the role runs at all; Program.cs reads it once before registering the role. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long a call rings (180 Ringing) before the IVR answers; the caller can still CANCEL meanwhile. Default 0.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RingTime { get; set; } = TimeSpan.Zero;
}
