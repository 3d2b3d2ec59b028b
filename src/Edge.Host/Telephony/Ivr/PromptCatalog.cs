using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Edge.Host.Telephony.Ivr;

/// <summary>Knows which prompts the prompt folder holds, and refuses names that could leave it.</summary>
internal sealed partial class PromptCatalog
{
    /// <summary>The file extension of every prompt.</summary>
    public const string Extension = ".wav";

    private readonly string _folder;
    private readonly ILogger<PromptCatalog> _logger;

    public PromptCatalog(IOptions<TelephonyOptions> options, ILogger<PromptCatalog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _folder = ResolveFolder(options.Value.PromptFolder);
        _logger = logger;
    }

    /// <summary>The absolute prompt folder; relative paths start at the application folder.</summary>
    public static string ResolveFolder(string configured) => Path.GetFullPath(configured, AppContext.BaseDirectory);

    /// <summary>The full path of a prompt; only valid for names that <see cref="Choose"/> returned.</summary>
    public string PathOf(string name) => Path.Combine(_folder, name + Extension);

    /// <summary>Returns the configured prompt when it is a safe name with a file, else the edge's default.</summary>
    public string Choose(string? configured, string fallback)
    {
        if (string.IsNullOrEmpty(configured) || configured == fallback)
        {
            return fallback;
        }

        if (SafeName().IsMatch(configured) && File.Exists(PathOf(configured)))
        {
            return configured;
        }

        LogPromptUnavailable(configured.Length, fallback);
        return fallback;
    }

    // Names come from Central's configuration and become file names: no separators, no dots, no "..".
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex SafeName();
}
