namespace Edge.Host.Systemd;

/// <summary>What one watchdog tick did.</summary>
internal enum WatchdogDecision
{
    Petted,
    WithheldSenderDead,
    WithheldListenerDead,
    SendFailed,
}
