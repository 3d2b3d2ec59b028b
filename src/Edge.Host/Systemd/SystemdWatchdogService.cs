using System.Net.Sockets;
using Edge.Host.Liveness;

namespace Edge.Host.Systemd;

/// <summary>
/// Pets the systemd watchdog (WATCHDOG=1) at half its timeout, but only while the outbox sender and every
/// listener are alive, so that a wedged process is killed and restarted by systemd (Restart=on-failure).
/// </summary>
/// <remarks>Microsoft.Extensions.Hosting.Systemd sends READY=1 and STOPPING=1 but never WATCHDOG=1.</remarks>
internal sealed partial class SystemdWatchdogService(
    SystemdWatchdogSettings settings,
    LivenessChecker liveness,
    TimeProvider timeProvider,
    ILogger<SystemdWatchdogService> logger) : BackgroundService
{
    private const string KeepAlive = "WATCHDOG=1";

    private WatchdogDecision? _lastDecision;
    private SystemdNotifier? _notifier;
    private PeriodicTimer? _timer;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // The timer starts here, synchronously, so that the first keep-alive is due exactly half a timeout after
        // start; ExecuteAsync itself runs later on the thread pool.
        if (settings.State == WatchdogState.Enabled)
        {
            _notifier = new SystemdNotifier(settings.NotifySocket!);
            _timer = new PeriodicTimer(settings.PetInterval, timeProvider);
        }

        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        _notifier?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_notifier is null || _timer is null)
        {
            LogWatchdogOff(logger, settings.State);
            return;
        }

        LogWatchdogOn(logger, settings.Timeout.TotalSeconds, settings.PetInterval.TotalSeconds);
        while (await _timer.WaitForNextTickAsync(stoppingToken))
        {
            await TickAsync(_notifier, stoppingToken);
        }
    }

    internal async Task<WatchdogDecision> TickAsync(SystemdNotifier notifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        var report = await liveness.CheckAsync(cancellationToken);
        var decision = await DecideAndSendAsync(notifier, report, cancellationToken);
        if (decision != _lastDecision)
        {
            LogDecisionChange(decision, report);
            _lastDecision = decision;
        }

        return decision;
    }

    private static async Task<WatchdogDecision> DecideAndSendAsync(
        SystemdNotifier notifier, LivenessReport report, CancellationToken cancellationToken)
    {
        if (!report.Outbox.SenderAlive)
        {
            return WatchdogDecision.WithheldSenderDead;
        }

        if (!report.ListenersAlive)
        {
            return WatchdogDecision.WithheldListenerDead;
        }

        try
        {
            await notifier.SendAsync(KeepAlive, cancellationToken);
            return WatchdogDecision.Petted;
        }
        catch (SocketException)
        {
            // A missing manager socket is the environment's fault; keep trying, systemd will act if it is real.
            return WatchdogDecision.SendFailed;
        }
    }

    private void LogDecisionChange(WatchdogDecision decision, LivenessReport report)
    {
        switch (decision)
        {
            case WatchdogDecision.Petted:
                LogPetting(logger);
                break;
            case WatchdogDecision.WithheldSenderDead:
                LogWithheldSender(logger);
                break;
            case WatchdogDecision.WithheldListenerDead:
                LogWithheldListener(logger, report.DeadListener!);
                break;
            default:
                LogSendFailed(logger);
                break;
        }
    }
}
