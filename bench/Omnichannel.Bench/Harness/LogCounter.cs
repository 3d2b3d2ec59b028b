using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Omnichannel.Bench.Harness;

/// <summary>
/// Counts the product's warnings and errors during a benchmark without printing them: the figures are only
/// worth something if the product did its job, and an error means it did not.
/// </summary>
internal sealed class LogCounter : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, int> _errorKinds = new(StringComparer.Ordinal);
    private long _warnings;
    private long _errors;

    public long Warnings => Interlocked.Read(ref _warnings);

    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>The errors by category, event name and exception type: no message text, so no values.</summary>
    public IReadOnlyDictionary<string, int> ErrorKinds => _errorKinds;

    public ILogger CreateLogger(string categoryName) => new CountingLogger(this, categoryName);

    internal void Count(string category, LogLevel level, EventId eventId, Exception? exception)
    {
        if (level >= LogLevel.Error)
        {
            Interlocked.Increment(ref _errors);
            var kind = $"{category}/{eventId.Name ?? eventId.Id.ToString(CultureInfo.InvariantCulture)}" +
                (exception is null ? string.Empty : $" ({exception.GetType().Name})");
            _errorKinds.AddOrUpdate(kind, 1, (_, count) => count + 1);
        }
        else if (level == LogLevel.Warning)
        {
            Interlocked.Increment(ref _warnings);
        }
    }

    public void Dispose()
    {
    }
}
