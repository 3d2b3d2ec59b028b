using Microsoft.Extensions.Logging;

namespace Edge.Host.Tests.Telephony.Fakes;

internal sealed record LogLine(
    string Category,
    LogLevel Level,
    EventId EventId,
    string Message,
    string Arguments,
    Exception? Exception)
{
    public string AllText => $"{Category} {EventId} {Message} {Arguments} {Exception}";
}
