namespace Edge.Host.Telephony.Sip;

internal sealed partial class PromptLibrary
{
    [LoggerMessage(
        EventId = 5500,
        EventName = "PromptsLoaded",
        Level = LogLevel.Information,
        Message = "{Count} prompts loaded")]
    private partial void LogLoaded(int count);

    // Names come from Central's configuration; only their length is logged.
    [LoggerMessage(
        EventId = 5501,
        EventName = "PromptUnavailable",
        Level = LogLevel.Warning,
        Message = "A prompt (name of {NameLength} characters) cannot be played; the step is skipped")]
    private partial void LogUnavailable(int nameLength);
}
