using Google.Protobuf.WellKnownTypes;

namespace Central.Api.Storage;

/// <summary>Conversions between protobuf/clock times and the integer columns of the schema.</summary>
internal static class UnixTime
{
    private const long NanosPerSecond = 1_000_000_000;
    private const long MaxSecondsInNanos = long.MaxValue / NanosPerSecond;

    /// <summary>Unix nanoseconds, clamped to the long range (query bounds may lie far outside stored data).</summary>
    public static long ToNanos(Timestamp timestamp)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        if (timestamp.Seconds >= MaxSecondsInNanos)
        {
            return long.MaxValue;
        }

        if (timestamp.Seconds <= -MaxSecondsInNanos)
        {
            return long.MinValue;
        }

        return (timestamp.Seconds * NanosPerSecond) + timestamp.Nanos;
    }

    public static long ToMillis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();
}
