namespace Edge.Sip.Internal.Media;

/// <summary>
/// Hands out even RTP ports (RFC 3550 §11) from a range, round-robin, so a port just released is not reused at
/// once and late packets of the previous call do not land in the next one.
/// </summary>
internal sealed class RtpPortAllocator
{
    private readonly Lock _gate = new();
    private readonly int _firstEven;
    private readonly bool[] _inUse;
    private int _next;
    private int _count;

    public RtpPortAllocator(int firstPort, int lastPort)
    {
        _firstEven = firstPort + (firstPort & 1);
        _inUse = new bool[Math.Max(0, ((lastPort - _firstEven) / 2) + 1)];
    }

    public int Capacity => _inUse.Length;

    public int InUse
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public bool TryAcquire(out int port)
    {
        lock (_gate)
        {
            for (var i = 0; i < _inUse.Length; i++)
            {
                var slot = (_next + i) % _inUse.Length;
                if (!_inUse[slot])
                {
                    _inUse[slot] = true;
                    _count++;
                    _next = (slot + 1) % _inUse.Length;
                    port = _firstEven + (2 * slot);
                    return true;
                }
            }
        }

        port = 0;
        return false;
    }

    public void Release(int port)
    {
        var slot = (port - _firstEven) / 2;
        lock (_gate)
        {
            if (slot >= 0 && slot < _inUse.Length && _inUse[slot])
            {
                _inUse[slot] = false;
                _count--;
            }
        }
    }
}
