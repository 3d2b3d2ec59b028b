using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Edge.Host.Tests.Telephony.Fakes;

/// <summary>Collects every formatted log line, with its arguments, from every logger it hands out.</summary>
internal sealed class LogSink
{
    public ConcurrentQueue<LogLine> Lines { get; } = new();

    public ILogger<T> For<T>() => new SinkLogger<T>(this);

    private sealed class SinkLogger<T>(LogSink sink) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var arguments = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join("|", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            var line = new LogLine(typeof(T).Name, logLevel, eventId, formatter(state, exception), arguments, exception);
            sink.Lines.Enqueue(line);
        }
    }
}
