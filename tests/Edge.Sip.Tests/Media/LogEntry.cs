using Microsoft.Extensions.Logging;

namespace Edge.Sip.Tests.Media;

internal sealed record LogEntry(
    LogLevel Level,
    EventId EventId,
    string Message,
    IReadOnlyList<KeyValuePair<string, object?>> Values);
