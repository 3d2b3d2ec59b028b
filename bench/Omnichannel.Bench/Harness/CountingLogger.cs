using Microsoft.Extensions.Logging;

namespace Omnichannel.Bench.Harness;

/// <summary>A logger that hands each entry's level, event and exception type to its <see cref="LogCounter"/>.</summary>
internal sealed class CountingLogger(LogCounter counter, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter) => counter.Count(category, logLevel, eventId, exception);
}
