using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Central.Api.Tests;

/// <summary>Keeps every log line the app writes, so tests can fail on errors and on leaked personal data.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void AssertClean(params string[] personalData)
    {
        var errors = _entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}").ToList();
        Assert.True(errors.Count == 0, "Unexpected error logs: " + string.Join(" | ", errors));
        foreach (var entry in _entries)
        {
            foreach (var secret in personalData)
            {
                Assert.False(entry.Message.Contains(secret, StringComparison.Ordinal) ||
                    (entry.Exception?.ToString().Contains(secret, StringComparison.Ordinal) ?? false),
                    $"Personal data leaked into a log line of {entry.Category} (event {entry.EventId})");
            }
        }
    }

    public void Dispose()
    {
    }

    internal sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message, Exception? Exception);

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, eventId.Id, formatter(state, exception), exception));
    }
}
