namespace Omni.Sdk.Internal.Sending;

/// <summary>What the sender and the configuration cache last saw of Central, for the monitor and health check.</summary>
internal sealed class LinkState
{
    private readonly TimeProvider _time;
    private long _lastBeatTicks;
    private int _centralReachable;
    private int _waitingOnPurpose;
    private int _running;

    public LinkState(TimeProvider time)
    {
        _time = time;
        Beat();
    }

    public bool CentralReachable => Volatile.Read(ref _centralReachable) == 1;

    public void Reached(bool reachable) => Volatile.Write(ref _centralReachable, reachable ? 1 : 0);

    /// <summary>The sender made progress.</summary>
    public void Beat() => Volatile.Write(ref _lastBeatTicks, _time.GetUtcNow().UtcTicks);

    /// <summary>The sender is waiting for work or for a backoff to end: quiet, but alive.</summary>
    public void Waiting(bool waiting)
    {
        Volatile.Write(ref _waitingOnPurpose, waiting ? 1 : 0);
        Beat();
    }

    public void Running(bool running) => Volatile.Write(ref _running, running ? 1 : 0);

    /// <summary>Running, and either waiting on purpose or active within <paramref name="window"/>.</summary>
    public bool SenderAlive(TimeSpan window)
    {
        if (Volatile.Read(ref _running) == 0)
        {
            return false;
        }

        var quietFor = _time.GetUtcNow().UtcTicks - Volatile.Read(ref _lastBeatTicks);
        return Volatile.Read(ref _waitingOnPurpose) == 1 || quietFor <= window.Ticks;
    }
}
