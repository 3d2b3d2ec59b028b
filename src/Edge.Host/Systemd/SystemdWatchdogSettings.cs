using System.Globalization;

namespace Edge.Host.Systemd;

/// <summary>The watchdog contract systemd hands a service through its environment (sd_watchdog_enabled(3)).</summary>
/// <param name="State">Enabled, or the reason the watchdog is off.</param>
/// <param name="NotifySocket">$NOTIFY_SOCKET: a path, or an abstract name starting with '@'.</param>
/// <param name="Timeout">$WATCHDOG_USEC: how long systemd waits for a keep-alive before it kills us.</param>
internal sealed record SystemdWatchdogSettings(WatchdogState State, string? NotifySocket, TimeSpan Timeout)
{
    public static SystemdWatchdogSettings Disabled(WatchdogState state) => new(state, null, TimeSpan.Zero);

    /// <summary>sd_watchdog_enabled(3) recommends a keep-alive every half of the timeout.</summary>
    public TimeSpan PetInterval => Timeout / 2;

    public static SystemdWatchdogSettings Read(Func<string, string?> environment, int processId)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var socket = environment("NOTIFY_SOCKET");
        if (string.IsNullOrEmpty(socket))
        {
            return Disabled(WatchdogState.NoNotifySocket);
        }

        // Limitation: the "vsock:" socket form (systemd 253+, for VMs) is not supported; edges run on metal.
        if (socket[0] is not ('/' or '@') || socket.Length < 2)
        {
            return Disabled(WatchdogState.UnsupportedNotifySocket);
        }

        return ReadTimeout(environment, processId, socket);
    }

    private static SystemdWatchdogSettings ReadTimeout(Func<string, string?> environment, int processId, string socket)
    {
        var usecText = environment("WATCHDOG_USEC");
        if (string.IsNullOrEmpty(usecText))
        {
            return Disabled(WatchdogState.NoWatchdog);
        }

        if (!long.TryParse(usecText, NumberStyles.None, CultureInfo.InvariantCulture, out var usec) || usec <= 1)
        {
            return Disabled(WatchdogState.InvalidWatchdogUsec);
        }

        // WATCHDOG_PID is set when the manager means one specific process; any other process must stay quiet.
        var pidText = environment("WATCHDOG_PID");
        if (!string.IsNullOrEmpty(pidText) && pidText != processId.ToString(CultureInfo.InvariantCulture))
        {
            return Disabled(WatchdogState.OtherProcess);
        }

        return new SystemdWatchdogSettings(WatchdogState.Enabled, socket, TimeSpan.FromMicroseconds(usec));
    }
}
