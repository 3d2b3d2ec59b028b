namespace Edge.Host.Systemd;

internal sealed partial class SystemdWatchdogService
{
    [LoggerMessage(
        EventId = 6100,
        EventName = "WatchdogOff",
        Level = LogLevel.Debug,
        Message = "The systemd watchdog is off: {State}.")]
    private static partial void LogWatchdogOff(ILogger logger, WatchdogState state);

    [LoggerMessage(
        EventId = 6101,
        EventName = "WatchdogOn",
        Level = LogLevel.Information,
        Message = "The systemd watchdog is on: timeout {TimeoutSeconds} s, keep-alive every {IntervalSeconds} s.")]
    private static partial void LogWatchdogOn(ILogger logger, double timeoutSeconds, double intervalSeconds);

    [LoggerMessage(
        EventId = 6102,
        EventName = "WatchdogPetting",
        Level = LogLevel.Debug,
        Message = "The outbox sender and all listeners are alive; petting the systemd watchdog.")]
    private static partial void LogPetting(ILogger logger);

    [LoggerMessage(
        EventId = 6103,
        EventName = "WatchdogWithheldSenderDead",
        Level = LogLevel.Warning,
        Message = "The outbox sender is not alive; withholding the systemd watchdog keep-alive.")]
    private static partial void LogWithheldSender(ILogger logger);

    [LoggerMessage(
        EventId = 6104,
        EventName = "WatchdogWithheldListenerDead",
        Level = LogLevel.Warning,
        Message = "Listener {Listener} is not alive; withholding the systemd watchdog keep-alive.")]
    private static partial void LogWithheldListener(ILogger logger, string listener);

    [LoggerMessage(
        EventId = 6105,
        EventName = "WatchdogSendFailed",
        Level = LogLevel.Error,
        Message = "The keep-alive could not be sent to the systemd notify socket.")]
    private static partial void LogSendFailed(ILogger logger);
}
