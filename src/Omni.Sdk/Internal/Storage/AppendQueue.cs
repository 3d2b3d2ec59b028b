namespace Omni.Sdk.Internal.Storage;

/// <summary>
/// The hand-off from callers to the writer thread. Callers add under a short lock; the writer takes everything
/// queued in one step (one lock per group commit, not per record) and blocks only when nothing is queued, so a
/// caller wakes it at most once per group.
/// </summary>
internal sealed class AppendQueue
{
    // Monitor rather than System.Threading.Lock: the writer waits on it (Monitor.Wait), which Lock cannot do.
    private readonly object _gate = new();
    private List<PendingAppend> _queued = [];
    private bool _closed;
    private bool _writerWaiting;

    /// <summary>Queues an append; false once the queue is closed.</summary>
    public bool TryAdd(PendingAppend append)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            _queued.Add(append);
            if (_writerWaiting)
            {
                _writerWaiting = false;
                Monitor.Pulse(_gate);
            }

            return true;
        }
    }

    /// <summary>
    /// Blocks until something is queued, then swaps it out for <paramref name="batch"/> (which must be empty).
    /// Returns false once the queue is closed and everything queued before was taken.
    /// </summary>
    public bool TakeAll(ref List<PendingAppend> batch)
    {
        lock (_gate)
        {
            while (_queued.Count == 0)
            {
                if (_closed)
                {
                    return false;
                }

                _writerWaiting = true;
                Monitor.Wait(_gate);
            }

            (batch, _queued) = (_queued, batch);
            return true;
        }
    }

    /// <summary>Like <see cref="TakeAll"/> without waiting: false when nothing is queued.</summary>
    public bool TryTakeAll(ref List<PendingAppend> batch)
    {
        lock (_gate)
        {
            if (_queued.Count == 0)
            {
                return false;
            }

            (batch, _queued) = (_queued, batch);
            return true;
        }
    }

    /// <summary>Refuses further appends; what is queued is still taken.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            Monitor.PulseAll(_gate);
        }
    }
}
