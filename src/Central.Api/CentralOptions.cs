using System.ComponentModel.DataAnnotations;
using Central.Api.Hosting;

namespace Central.Api;

/// <summary>Settings of the Central service, bound from the "Central" configuration section.</summary>
internal sealed record CentralOptions
{
    public const string SectionName = "Central";

    /// <summary>The tenant: the gemeente's four-digit CBS code. Default "0000" (no gemeente configured).</summary>
    [Required]
    [RegularExpression("^[0-9]{4}$")]
    public string Gemeente { get; set; } = "0000";

    /// <summary>The SQLite database file, relative to the content root. Default "data/central.db".</summary>
    [Required]
    [MaxLength(4096)]
    public string Database { get; set; } = "data/central.db";

    /// <summary>
    /// Where gRPC is served over HTTP/2 without TLS (h2c). Default http://127.0.0.1:7081; port 0 picks a free port;
    /// empty leaves the endpoint to the Kestrel configuration section.
    /// </summary>
    [ListenUrl]
    public string GrpcUrl { get; set; } = "http://127.0.0.1:7081";

    /// <summary>
    /// Where REST, /healthz and the dashboard are served over HTTP/1.1. Default http://127.0.0.1:7080.
    /// </summary>
    [ListenUrl]
    public string HttpUrl { get; set; } = "http://127.0.0.1:7080";

    /// <summary>A JSON file with the edge configuration; unset serves the built-in default.</summary>
    [MaxLength(4096)]
    public string? EdgeConfigurationFile { get; set; }

    /// <summary>
    /// The queue for a follow-up that names neither a wachtrij nor a dienst with one. Default "kcc-algemeen".
    /// </summary>
    [Required]
    [MaxLength(100)]
    public string DefaultWachtrij { get; set; } = "kcc-algemeen";

    /// <summary>
    /// The most envelopes one PushBatch may carry. Default 10,000, the top of Omni.Sdk's BatchSize range, so
    /// that no valid SDK setting makes every batch malformed (which would stall the edge's outbox).
    /// </summary>
    [Range(1, 100_000)]
    public int MaxBatchEnvelopes { get; set; } = 10_000;

    /// <summary>
    /// The largest gRPC request in bytes. Default 32 MiB: 500 klantcontacten at their maximum size (10,000
    /// characters of inhoud, up to 4 UTF-8 bytes each) still fit, where gRPC's own 4 MiB default would not.
    /// </summary>
    [Range(4 * 1024 * 1024, 256 * 1024 * 1024)]
    public int MaxReceiveMessageBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>
    /// The largest REST request body in bytes; a bigger one is answered 413 before it is parsed. Default 512 KiB:
    /// the largest valid klantcontact has about 34,000 characters of text (inhoud, onderwerp, references, 50
    /// betrokkenen), which is 408,000 bytes even when every character is a JSON-escaped surrogate pair (12 bytes),
    /// and the rest is room for names, punctuation and indentation.
    /// </summary>
    [Range(64 * 1024, 16 * 1024 * 1024)]
    public int MaxRestBodyBytes { get; set; } = 512 * 1024;

    /// <summary>
    /// The most open TCP connections over both endpoints; Kestrel refuses more at accept. Default 1,000: one
    /// HTTP/2 connection per edge plus vendor apps, far below the process's file descriptor limit.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxConcurrentConnections { get; set; } = 1_000;
}
