namespace Edge.Sip.Internal.Media;

/// <summary>What the pacer reads from and asks of the garbage collector; a fake in tests.</summary>
internal interface IManagedHeap
{
    /// <summary>Bytes allocated by the process so far (approximate: allocation contexts in use are left out).</summary>
    long AllocatedBytes { get; }

    /// <summary>Young-generation (gen0) collections so far, whoever started them.</summary>
    int YoungCollections { get; }

    /// <summary>Runs a blocking young-generation collection now, on the calling thread.</summary>
    void CollectYoung();
}
