using Omni.Contracts.V1;

namespace Edge.Host.Telephony.Ivr;

/// <summary>The menu one call runs through: Central's IvrMenu with the edge's defaults filled in.</summary>
/// <param name="Prompts">The prompt names to play.</param>
/// <param name="Options">The menu options by digit; the first option wins when Central sends a digit twice.</param>
/// <param name="CallbackDigit">The digit that asks for a callback; null for none.</param>
/// <param name="MaxAttempts">How often the menu is offered before the call ends.</param>
/// <param name="InputTimeout">How long to wait for a digit after a menu prompt.</param>
/// <param name="OpeningHours">When the gemeente answers calls; null when unknown (treated as open).</param>
/// <param name="IsFallback">Whether no configuration was ever received, so the baked-in menu is used.</param>
internal sealed record IvrMenuSettings(
    IvrMenuPrompts Prompts,
    IReadOnlyDictionary<char, IvrOption> Options,
    char? CallbackDigit,
    int MaxAttempts,
    TimeSpan InputTimeout,
    OpeningHours? OpeningHours,
    bool IsFallback);
