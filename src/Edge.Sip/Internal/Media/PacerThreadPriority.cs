using System.Runtime.InteropServices;

namespace Edge.Sip.Internal.Media;

/// <summary>
/// Raises the scheduling priority of the calling thread on Linux, where the runtime ignores
/// <see cref="Thread.Priority"/>. Measured at 500 calls on a loaded 2-core box (bench/Telephony): at normal priority
/// the pacer thread woke up to 70 ms late while other processes ran, at nice -10 still up to 67 ms; under SCHED_FIFO
/// every late tick left was a GC pause.
/// </summary>
internal static class PacerThreadPriority
{
    /// <summary>The SCHED_FIFO priority asked for first (1-99): low, above every time-shared thread.</summary>
    public const int RealTimePriority = 10;

    /// <summary>The nice value asked for when real-time scheduling is not allowed.</summary>
    public const int Nice = -10;

    private const int PrioProcess = 0;
    private const int SchedFifo = 1;

    /// <summary>
    /// Puts the calling thread under SCHED_FIFO, or else lowers its nice value. Real-time needs root, CAP_SYS_NICE,
    /// or RLIMIT_RTPRIO of at least <see cref="RealTimePriority"/> (systemd: <c>LimitRTPRIO=10</c>); the nice value
    /// needs CAP_SYS_NICE or RLIMIT_NICE (systemd: <c>LimitNICE=-10</c>).
    /// </summary>
    /// <returns>What was granted, and the errno of the last refusal (-1 when not on Linux).</returns>
    public static (PacerPriority Priority, int Error) RaiseCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return (PacerPriority.Normal, -1);
        }

        // Safe for a thread that sleeps between short ticks; the kernel's real-time throttling (95% by default)
        // still keeps a runaway loop from taking a CPU whole.
        var threadId = GetThreadId();
        var priority = RealTimePriority;
        if (SetScheduler(threadId, SchedFifo, ref priority) == 0)
        {
            return (PacerPriority.RealTime, 0);
        }

        // setpriority(2) with PRIO_PROCESS and a thread id applies to that thread only (Linux threads are tasks).
        return SetPriority(PrioProcess, threadId, Nice) == 0
            ? (PacerPriority.Nice, 0)
            : (PacerPriority.Normal, Marshal.GetLastPInvokeError());
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code, not allowed in Edge.Sip; these are blittable.
    [DllImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static extern int SetScheduler(int threadId, int policy, ref int priority);

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
#pragma warning restore SYSLIB1054
}
