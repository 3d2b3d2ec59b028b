using Edge.Sip.Internal.Media;

namespace Edge.Sip.Tests.Media;

/// <summary>A garbage collector whose counters the test sets; a collection it is asked for counts as gen0.</summary>
internal sealed class FakeManagedHeap : IManagedHeap
{
    public long AllocatedBytes { get; set; }

    public int YoungCollections { get; set; }

    /// <summary>Collections asked for through <see cref="CollectYoung"/>.</summary>
    public int Requested { get; private set; }

    /// <summary>Runs inside each requested collection, e.g. to note what had been sent by then.</summary>
    public Action? OnCollect { get; set; }

    public void CollectYoung()
    {
        Requested++;
        YoungCollections++;
        OnCollect?.Invoke();
    }
}
