namespace Edge.Sip.Internal.Media;

/// <summary>How the pacer thread is scheduled, best first.</summary>
internal enum PacerPriority
{
    /// <summary>Like every other thread: it waits its turn when the CPU is busy.</summary>
    Normal,

    /// <summary>A lower nice value (<see cref="PacerThreadPriority.Nice"/>): a larger share, time-shared.</summary>
    Nice,

    /// <summary>SCHED_FIFO (<see cref="PacerThreadPriority.RealTimePriority"/>): runs as soon as it wakes.</summary>
    RealTime,
}
