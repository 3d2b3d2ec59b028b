namespace Edge.Sip.Internal.Media;

/// <summary>The runtime's garbage collector.</summary>
internal sealed class RuntimeManagedHeap : IManagedHeap
{
    public static readonly RuntimeManagedHeap Instance = new();

    private RuntimeManagedHeap()
    {
    }

    public long AllocatedBytes => GC.GetTotalAllocatedBytes(precise: false);

    public int YoungCollections => GC.CollectionCount(0);

    // The runtime still raises it to gen1 or gen2 when those generations' budgets are spent.
    public void CollectYoung() => GC.Collect(0, GCCollectionMode.Forced, blocking: true);
}
