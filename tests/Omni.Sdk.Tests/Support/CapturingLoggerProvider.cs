using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Omni.Sdk.Tests.Support;

/// <summary>Keeps every log line (message, structured values and exception text) so tests can inspect them.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    /// <summary>Fails when any captured line contains any of <paramref name="personalData"/>.</summary>
    public void AssertNoPersonalData(IEnumerable<string> personalData)
    {
        foreach (var entry in _entries)
        {
            foreach (var value in personalData)
            {
                Assert.False(entry.FullText.Contains(value, StringComparison.OrdinalIgnoreCase),
                    $"Log event {entry.EventId} ({entry.Category}) contains seeded personal data.");
            }
        }
    }

    /// <summary>Fails on any Error or Critical line that the test did not expect.</summary>
    public void AssertNoErrors()
    {
        var errors = _entries.Where(e => e.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, "Unexpected error logs: " + string.Join(" | ", errors.Select(e => e.FullText)));
    }

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(";", pairs.Select(p => p.Key + "=" + p.Value))
                : string.Empty;
            var message = formatter(state, exception);
            entries.Enqueue(new CapturedLog(category, logLevel, eventId, message,
                message + "\n" + values + "\n" + exception));
        }
    }
}
