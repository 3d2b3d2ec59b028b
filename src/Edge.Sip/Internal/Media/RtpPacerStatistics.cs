namespace Edge.Sip.Internal.Media;

/// <summary>The pacer's counters since it started.</summary>
/// <param name="Ticks">Ticks run.</param>
/// <param name="LateTicks">Ticks that ended later than the late threshold after their grid point.</param>
/// <param name="MaxLateness">The latest end of a tick after its grid point.</param>
/// <param name="MaxDuration">The longest time one tick took to send every due frame.</param>
internal sealed record RtpPacerStatistics(long Ticks, long LateTicks, TimeSpan MaxLateness, TimeSpan MaxDuration);
