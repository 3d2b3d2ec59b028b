using System.ComponentModel.DataAnnotations;

namespace Vendor.Console;

/// <summary>What the sample records and how long it waits: section "Sample", or --kanaal and --timeout.</summary>
internal sealed record SampleOptions
{
    public const string SectionName = "Sample";

    /// <summary>The kanaal of the recorded klantcontact, as the proto names it. Default webformulier.</summary>
    [Required]
    public string Kanaal { get; init; } = "webformulier";

    /// <summary>How long to wait for Central's acknowledgement before giving up with exit code 2. Default 60.</summary>
    [Range(1, 86_400)]
    public int TimeoutSeconds { get; init; } = 60;
}
