namespace Edge.Sip.Internal.Media;

/// <summary>
/// Runs the young-generation collection on the pacer's own thread right after a tick, once the process has allocated
/// <c>threshold</c> bytes since the last collection, so that the runtime does not start it at an arbitrary moment.
/// </summary>
/// <remarks>
/// Every collection stops the pacer. One that the runtime starts when the young generation is full lands anywhere:
/// just before a deadline, or in the middle of a tick, its whole pause (5–20 ms at 500 calls) adds to that 20 ms send
/// gap. Started right after a tick it first uses the time until the next tick, and it runs on the pacer's real-time
/// thread, so no other thread of the machine preempts it. The threshold sits below the runtime's young-generation
/// budget (DOTNET_GCgen0size), so the runtime rarely gets there first.
/// </remarks>
internal sealed class PacerCollector
{
    // Limitation: this only chooses when a collection starts, not how long it lasts (gen2 took 10-21 ms at 500
    // calls), and a collection the runtime still starts itself (over the threshold within one tick, a large object)
    // can land on a deadline as before.
    private readonly long _threshold;
    private readonly IManagedHeap _heap;
    private int _collections;
    private long _allocatedAtCollection;

    /// <param name="threshold">Bytes allocated since the last collection that make the next one due.</param>
    /// <param name="heap">The collector to read and drive.</param>
    public PacerCollector(long threshold, IManagedHeap heap)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        _threshold = threshold;
        _heap = heap;
        _collections = heap.YoungCollections;
        _allocatedAtCollection = heap.AllocatedBytes;
    }

    /// <summary>How many collections this pacer has run.</summary>
    public long Collections { get; private set; }

    /// <summary>Called after each tick: collects when due, and otherwise notes collections the runtime ran.</summary>
    /// <returns>True when it collected.</returns>
    public bool CollectIfDue()
    {
        var collections = _heap.YoungCollections;
        var allocated = _heap.AllocatedBytes;
        if (collections != _collections)
        {
            // Someone else collected since the last tick: count from here.
            Restart(collections, allocated);
            return false;
        }

        if (allocated - _allocatedAtCollection < _threshold)
        {
            return false;
        }

        _heap.CollectYoung();
        Collections++;
        Restart(_heap.YoungCollections, _heap.AllocatedBytes);
        return true;
    }

    private void Restart(int collections, long allocated)
    {
        _collections = collections;
        _allocatedAtCollection = allocated;
    }
}
