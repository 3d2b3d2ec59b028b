namespace Edge.Host.Telephony.Ivr;

internal sealed partial class PromptCatalog
{
    // The configured name is not logged: it comes from outside and may be anything; its length and the fallback do.
    [LoggerMessage(
        EventId = 5200,
        EventName = "PromptUnavailable",
        Level = LogLevel.Warning,
        Message = "A configured prompt (name length {NameLength}) is not a safe name or has no file; playing {Fallback}")]
    private partial void LogPromptUnavailable(int nameLength, string fallback);
}
