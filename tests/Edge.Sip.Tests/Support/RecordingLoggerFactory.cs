using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Edge.Sip.Tests.Support;

/// <summary>Keeps every log line so a test can fail on unexpected errors or on personal data in logs.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<(LogLevel Level, EventId EventId, string Text)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Recorder(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    /// <summary>Fails on any Error or Critical line and on any line containing one of the seeded secrets.</summary>
    public void AssertClean(params string[] secrets)
    {
        foreach (var (level, _, text) in Lines)
        {
            Assert.True(level < LogLevel.Error, "unexpected error log: " + text);
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }

    private sealed class Recorder(RecordingLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            owner.Lines.Enqueue((logLevel, eventId, formatter(state, exception) + " " + exception));
        }
    }
}
