using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Edge.Host.Tests.Support;

/// <summary>Keeps every log line so a test can assert that no personal data and no unexpected error was logged.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _logs = new();

    public IReadOnlyCollection<CapturedLog> Logs => _logs;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _logs);

    public void Dispose()
    {
    }

    public void AssertNoneContain(params string[] secrets)
    {
        foreach (var log in _logs)
        {
            foreach (var secret in secrets)
            {
                Assert.False(
                    log.Message.Contains(secret, StringComparison.Ordinal)
                        || (log.Exception?.ToString().Contains(secret, StringComparison.Ordinal) ?? false),
                    $"log event {log.EventId} of {log.Category} contains seeded personal data");
            }
        }
    }

    /// <summary>Fails on any error log except the named events, which the test expects (e.g. an outbox-full alarm).</summary>
    public void AssertNoErrors(params string[] expectedEventNames)
    {
        var errors = _logs
            .Where(log => log.Level >= LogLevel.Error && !expectedEventNames.Contains(log.EventId.Name))
            .Select(log => $"{log.Category} {log.EventId}");
        Assert.Empty(errors);
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLog> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            logs.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), exception));
        }
    }
}
