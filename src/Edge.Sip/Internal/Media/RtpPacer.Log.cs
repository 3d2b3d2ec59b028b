using Microsoft.Extensions.Logging;

namespace Edge.Sip.Internal.Media;

internal sealed partial class RtpPacer
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4050, EventName = "RtpPacerTickFailed", Level = LogLevel.Error,
            Message = "RTP pacer: sending the due frames of one session failed")]
        public static partial void TickFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 4051, EventName = "RtpPacerTickLate", Level = LogLevel.Warning,
            Message = "RTP pacer tick finished {LatenessMs} ms after its deadline (started {StartLatenessMs} ms late, "
                + "took {DurationMs} ms), skipping {SkippedFrames} frames in {SkippingSessions} sessions; since the "
                + "previous tick: GCs gen0 {Gen0} gen1 {Gen1} gen2 {Gen2}, GC pause {GcPauseMs} ms, thread-pool "
                + "queue {PendingWorkItems}; {Suppressed} smaller late ticks not reported")]
        public static partial void TickLate(ILogger logger, double latenessMs, double startLatenessMs, double durationMs,
            long skippedFrames, int skippingSessions, int gen0, int gen1, int gen2, double gcPauseMs,
            long pendingWorkItems, long suppressed);

        [LoggerMessage(EventId = 4052, EventName = "RtpPacerStopped", Level = LogLevel.Information,
            Message = "RTP pacer stopped: {Ticks} ticks, {LateTicks} late, latest end {MaxLatenessMs} ms after "
                + "its deadline, longest tick {MaxDurationMs} ms, {Collections} young-generation collections run "
                + "between ticks")]
        public static partial void Stopped(ILogger logger, long ticks, long lateTicks, double maxLatenessMs,
            double maxDurationMs, long collections);

        [LoggerMessage(EventId = 4053, EventName = "RtpPacerThreadRaised", Level = LogLevel.Information,
            Message = "RTP pacer thread started with {Priority} scheduling")]
        public static partial void ThreadRaised(ILogger logger, PacerPriority priority);

        [LoggerMessage(EventId = 4054, EventName = "RtpPacerThreadNotRaised", Level = LogLevel.Warning,
            Message = "RTP pacer thread started at normal priority: real-time and nice were refused (error {Error}); "
                + "allow them with LimitRTPRIO=10 or LimitNICE=-10 in the systemd unit, or expect late frames when "
                + "the CPU is busy")]
        public static partial void ThreadNotRaised(ILogger logger, int error);
    }
}
