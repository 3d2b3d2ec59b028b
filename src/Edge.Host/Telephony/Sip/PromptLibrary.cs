using System.Collections.Concurrent;
using Edge.Host.Telephony.Ivr;
using Edge.Sip.Media;
using Microsoft.Extensions.Options;

namespace Edge.Host.Telephony.Sip;

/// <summary>
/// The prompts in memory: every WAV file of the prompt folder is read and checked once at start, so a bad file stops
/// the role before the first call instead of silencing a caller; a file added later is read on first use.
/// </summary>
internal sealed partial class PromptLibrary
{
    private readonly ConcurrentDictionary<string, Prompt> _prompts = new(StringComparer.Ordinal);
    private readonly PromptCatalog _catalog;
    private readonly string _folder;
    private readonly ILogger<PromptLibrary> _logger;

    public PromptLibrary(PromptCatalog catalog, IOptions<TelephonyOptions> options, ILogger<PromptLibrary> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _catalog = catalog;
        _folder = PromptCatalog.ResolveFolder(options.Value.PromptFolder);
        _logger = logger;
    }

    public int Count => _prompts.Count;

    /// <summary>Reads every prompt of the folder; throws naming the first file that is not 8 kHz mono G.711.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var path in Directory.EnumerateFiles(_folder, "*" + PromptCatalog.Extension))
        {
            var result = await WavPromptReader.ReadFileAsync(path, cancellationToken);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException(result.Error);
            }

            _prompts[result.Prompt.Name] = result.Prompt;
        }

        LogLoaded(_prompts.Count);
    }

    /// <summary>The prompt by name (without ".wav"), or null when it cannot be played.</summary>
    public async Task<Prompt?> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (_prompts.TryGetValue(name, out var prompt))
        {
            return prompt;
        }

        // Only names the catalog accepts become paths: a name from Central must not leave the prompt folder.
        if (_catalog.Choose(name, string.Empty) != name)
        {
            LogUnavailable(name.Length);
            return null;
        }

        var result = await WavPromptReader.ReadFileAsync(_catalog.PathOf(name), cancellationToken);
        if (!result.IsSuccess)
        {
            LogUnavailable(name.Length);
            return null;
        }

        return _prompts.GetOrAdd(name, result.Prompt);
    }
}
