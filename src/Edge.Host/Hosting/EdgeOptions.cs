using System.ComponentModel.DataAnnotations;

namespace Edge.Host.Hosting;

/// <summary>Options of the edge host itself (section "Edge"); the outbox has its own section ("Omni").</summary>
internal sealed record EdgeOptions
{
    public const string SectionName = "Edge";

    public const string DefaultHttpUrl = "http://127.0.0.1:8080";

    public const int DefaultMaxConcurrentConnections = 100;

    public const int MinConnections = 1;

    public const int MaxConnections = 100_000;

    /// <summary>
    /// Where Kestrel listens for the kiosk page and the local API. Default http://127.0.0.1:8080. Loopback only:
    /// the API writes klantcontacten without authentication, so it must not be reachable from the network.
    /// </summary>
    [Required]
    [LoopbackHttpUrl]
    public string HttpUrl { get; init; } = DefaultHttpUrl;

    /// <summary>Seconds a client is told to wait (Retry-After) when the outbox is full. Default 30.</summary>
    [Range(1, 3600)]
    public int OutboxFullRetryAfterSeconds { get; init; } = 30;

    /// <summary>
    /// The most open TCP connections to <see cref="HttpUrl"/>; Kestrel refuses more at accept. Default 100: the
    /// kiosk page and the apps on this device need a handful, and an app that leaks connections must not use up
    /// the file descriptors the outbox and the SIP stack need.
    /// </summary>
    [Range(MinConnections, MaxConnections)]
    public int MaxConcurrentConnections { get; init; } = DefaultMaxConcurrentConnections;
}
