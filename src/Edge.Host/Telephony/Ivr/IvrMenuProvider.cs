using Omni.Contracts.V1;
using Omni.Sdk;

namespace Edge.Host.Telephony.Ivr;

/// <summary>
/// Builds the menu for a new call from the configuration Central last served. The channel holds no process
/// logic: digits, queues, transfer targets and opening hours all come from there.
/// </summary>
internal sealed partial class IvrMenuProvider
{
    /// <summary>Used when Central sends no attempts limit.</summary>
    public const int DefaultMaxAttempts = 3;

    /// <summary>Used when Central sends no input timeout.</summary>
    public static readonly TimeSpan DefaultInputTimeout = TimeSpan.FromSeconds(5);

    private const int MaxAttemptsCeiling = 10;
    private const int MaxTimeoutSeconds = 60;
    private const string AllowedDigits = "0123456789*#";

    // The digit the shipped prompt "terugbellen-aanbod" names.
    private const char FallbackCallbackDigit = '9';

    private readonly IEdgeConfigurationProvider _configuration;
    private readonly PromptCatalog _prompts;
    private readonly ILogger<IvrMenuProvider> _logger;

    public IvrMenuProvider(
        IEdgeConfigurationProvider configuration,
        PromptCatalog prompts,
        ILogger<IvrMenuProvider> logger)
    {
        _configuration = configuration;
        _prompts = prompts;
        _logger = logger;
    }

    /// <summary>A snapshot for one call; later configuration changes do not affect a running call.</summary>
    public IvrMenuSettings Current()
    {
        var configuration = _configuration.Current;
        if (configuration?.IvrMenu is null)
        {
            LogFallbackMenu();
            return Fallback();
        }

        return FromConfiguration(configuration.IvrMenu, configuration.OpeningHours);
    }

    // No configuration was ever received: without Central's menu there is nowhere to route, so the only thing
    // the edge can honestly offer is a callback, which it records and Central routes later.
    private static IvrMenuSettings Fallback() => new(
        DefaultPrompts() with { Menu = IvrPrompts.CallbackOffer },
        new Dictionary<char, IvrOption>(),
        FallbackCallbackDigit,
        DefaultMaxAttempts,
        DefaultInputTimeout,
        null,
        IsFallback: true);

    private IvrMenuSettings FromConfiguration(IvrMenu menu, OpeningHours? openingHours) => new(
        ChoosePrompts(menu),
        ReadOptions(menu),
        ReadDigit(menu.CallbackDigit),
        menu.MaxAttempts is > 0 and <= MaxAttemptsCeiling ? menu.MaxAttempts : DefaultMaxAttempts,
        menu.InputTimeoutSeconds is > 0 and <= MaxTimeoutSeconds
            ? TimeSpan.FromSeconds(menu.InputTimeoutSeconds)
            : DefaultInputTimeout,
        openingHours,
        IsFallback: false);

    private static IvrMenuPrompts DefaultPrompts() => new(
        IvrPrompts.Welcome,
        IvrPrompts.Menu,
        IvrPrompts.Closed,
        IvrPrompts.Invalid,
        IvrPrompts.Goodbye,
        IvrPrompts.CallbackConfirmed);

    private IvrMenuPrompts ChoosePrompts(IvrMenu menu) => new(
        _prompts.Choose(menu.WelcomePrompt, IvrPrompts.Welcome),
        _prompts.Choose(menu.MenuPrompt, IvrPrompts.Menu),
        _prompts.Choose(menu.ClosedPrompt, IvrPrompts.Closed),
        _prompts.Choose(menu.InvalidPrompt, IvrPrompts.Invalid),
        _prompts.Choose(menu.GoodbyePrompt, IvrPrompts.Goodbye),
        _prompts.Choose(menu.CallbackConfirmedPrompt, IvrPrompts.CallbackConfirmed));

    private Dictionary<char, IvrOption> ReadOptions(IvrMenu menu)
    {
        var options = new Dictionary<char, IvrOption>();
        foreach (var option in menu.Options)
        {
            var digit = ReadDigit(option.Digit);
            if (digit is null || !options.TryAdd(digit.Value, option))
            {
                LogOptionIgnored(option.Digit.Length);
            }
        }

        return options;
    }

    private static char? ReadDigit(string digit) =>
        digit.Length == 1 && AllowedDigits.Contains(digit[0], StringComparison.Ordinal) ? digit[0] : null;
}
