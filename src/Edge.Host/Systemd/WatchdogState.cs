namespace Edge.Host.Systemd;

/// <summary>Whether systemd asked this process to pet a watchdog, and if not, why not.</summary>
internal enum WatchdogState
{
    Enabled,
    NoNotifySocket,
    UnsupportedNotifySocket,
    NoWatchdog,
    InvalidWatchdogUsec,
    OtherProcess,
}
