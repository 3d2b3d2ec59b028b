using System.ComponentModel.DataAnnotations;

namespace Omni.Sdk;

/// <summary>Settings of the SDK, bound from configuration (section <c>OmniSdk</c> by convention) and validated at start.</summary>
public sealed class OmniSdkOptions
{
    /// <summary>Central's gRPC address. Default <c>http://127.0.0.1:7081</c> (HTTP/2 without TLS, loopback).</summary>
    [Required]
    public Uri CentralAddress { get; set; } = new("http://127.0.0.1:7081");

    /// <summary>This device's id as Central knows it, e.g. <c>kiosk-3</c>. Required; no default.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    public string DeviceId { get; set; } = string.Empty;

    /// <summary>
    /// The outbox SQLite file. Default <c>data/outbox.db</c>; a relative path is taken from the host's content root.
    /// </summary>
    [Required]
    public string OutboxPath { get; set; } = "data/outbox.db";

    /// <summary>
    /// The file with the 256-bit outbox key (32 raw bytes, 64 hex characters, or base64 of 32 bytes).
    /// Default none: then <c>$CREDENTIALS_DIRECTORY/omni-outbox-key</c> (systemd <c>LoadCredential=</c>) is used.
    /// </summary>
    public string? KeyFile { get; set; }

    /// <summary>Most records (waiting plus dead-lettered) the outbox holds before appends fail. Default 1,000,000.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "The field MaxRecords must be at least 1.")]
    public long MaxRecords { get; set; } = 1_000_000;

    /// <summary>Most stored payload bytes (waiting plus dead-lettered) before appends fail. Default 1 GiB.</summary>
    [Range(1024, long.MaxValue, ErrorMessage = "The field MaxBytes must be at least 1024.")]
    public long MaxBytes { get; set; } = 1L << 30;

    /// <summary>Most records per push to Central. Default 500.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>How often the edge configuration is fetched from Central. Default 60 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ConfigurationRefreshInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The first retry delay after a failed push; later ones grow exponentially with jitter. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan BackoffMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest retry delay between pushes while Central is away. Default 60 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How often the link is probed (a cheap Ping) while pushes are backing off, so that sending resumes
    /// soon after the link returns whatever backoff was reached. Default 1 second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait for one call to Central before it counts as failed. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
