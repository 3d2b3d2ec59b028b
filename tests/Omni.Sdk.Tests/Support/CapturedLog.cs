using Microsoft.Extensions.Logging;

namespace Omni.Sdk.Tests.Support;

/// <summary>One captured log line; <see cref="FullText"/> holds the message, the structured values and the exception.</summary>
internal sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, string FullText);
