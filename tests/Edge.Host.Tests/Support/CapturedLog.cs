using Microsoft.Extensions.Logging;

namespace Edge.Host.Tests.Support;

/// <summary>One formatted log line.</summary>
internal sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);
