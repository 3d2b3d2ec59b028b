using System.Net;

namespace Edge.Sip;

/// <summary>Settings of a <see cref="SipEndpoint"/>. Every default is stated; <see cref="Validate"/> lists all problems.</summary>
public sealed record SipOptions
{
    /// <summary>Address to bind UDP and TCP to. Default: 127.0.0.1.</summary>
    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Port for both UDP and TCP; 0 picks a free port (tests). Default: 5060.</summary>
    public int Port { get; init; } = 5060;

    /// <summary>Whether to listen on UDP. Default: true.</summary>
    public bool EnableUdp { get; init; } = true;

    /// <summary>Whether to listen on TCP. Default: true.</summary>
    public bool EnableTcp { get; init; } = true;

    /// <summary>Calls in progress beyond which new INVITEs get 503 with Retry-After. Default: 100.</summary>
    public int MaxConcurrentCalls { get; init; } = 100;

    /// <summary>Seconds put in Retry-After when at capacity. Default: 30.</summary>
    public int RetryAfterSeconds { get; init; } = 30;

    /// <summary>
    /// Addresses of trunks or SBCs trusted for two things: their P-Asserted-Identity (RFC 3325 §2.3), and the RTP
    /// address in their SDP even when it is not their own (their media gateway may sit elsewhere). From any other
    /// sender an SDP address is used only when it equals the request's source; otherwise RTP waits for the
    /// caller's media and answers to its source (see <see cref="MediaOffer.RemoteEndPoint"/>). Default: none.
    /// </summary>
    public IReadOnlyList<IPAddress> TrustedPeers { get; init; } = [];

    /// <summary>Host for Contact and Via when the bound address is not what peers should use. Default: the bound address.</summary>
    public string? PublicHost { get; init; }

    /// <summary>Value of our Server and User-Agent headers. Default: "Omnichannel-Edge".</summary>
    public string UserAgent { get; init; } = "Omnichannel-Edge";

    /// <summary>How long a transfer waits for the final NOTIFY after the REFER was accepted. Default: 60 s.</summary>
    public TimeSpan TransferTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Open TCP connections (accepted ones and those we opened) beyond which a newly accepted connection is closed at
    /// once, before anything is read from it. Default: 256.
    /// </summary>
    public int MaxTcpConnections { get; init; } = 256;

    /// <summary>
    /// How long a TCP connection may go without a byte in either direction (a CRLF keep-alive counts) while no
    /// transaction or dialog uses it, before we close it; also the longest time one message may take to arrive
    /// completely. Default: 32 s (64*T1, RFC 3261 §17.1.1.1).
    /// </summary>
    public TimeSpan TcpIdleTimeout { get; init; } = TimeSpan.FromSeconds(32);

    /// <summary>Returns every problem with these options at once; empty when valid. Messages name the field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ListenAddress is null)
        {
            errors.Add("ListenAddress is required.");
        }

        if (Port is < 0 or > 65535)
        {
            errors.Add("Port must be between 0 and 65535.");
        }

        if (!EnableUdp && !EnableTcp)
        {
            errors.Add("EnableUdp or EnableTcp must be true.");
        }

        if (MaxConcurrentCalls < 1)
        {
            errors.Add("MaxConcurrentCalls must be at least 1.");
        }

        if (RetryAfterSeconds < 0)
        {
            errors.Add("RetryAfterSeconds must not be negative.");
        }

        if (TrustedPeers is null)
        {
            errors.Add("TrustedPeers must not be null.");
        }

        if (TransferTimeout <= TimeSpan.Zero)
        {
            errors.Add("TransferTimeout must be positive.");
        }

        if (MaxTcpConnections < 1)
        {
            errors.Add("MaxTcpConnections must be at least 1.");
        }

        if (TcpIdleTimeout <= TimeSpan.Zero || TcpIdleTimeout > TimeSpan.FromDays(1))
        {
            errors.Add("TcpIdleTimeout must be positive and at most one day.");
        }

        if (string.IsNullOrWhiteSpace(UserAgent) || UserAgent.Any(char.IsControl))
        {
            errors.Add("UserAgent must be a non-empty single line.");
        }

        return errors;
    }
}
