using System.Runtime;

namespace Edge.Host.Hosting;

/// <summary>
/// The GC latency mode the edge runs in. The RTP pacer (Edge.Sip) stops in every stop-the-world GC pause like any
/// managed thread, so a long pause is a gap in every call's audio.
/// </summary>
internal static class GcLatency
{
    /// <summary>
    /// Asks for <see cref="GCLatencyMode.SustainedLowLatency"/>: with workstation concurrent GC (Edge.Host.csproj)
    /// it keeps full collections in the background instead of blocking; the runtime still blocks when memory
    /// runs out. Returns the mode in effect, which stays unchanged when concurrent GC is off (the runtime ignores
    /// the request then). The short gen0 and gen1 pauses come from the unit's 2 MiB gen0 budget; this mode adds
    /// little on its own (figures in deploy/systemd/README.md, "Runtime settings for the telephony gateway").
    /// </summary>
    public static GCLatencyMode Apply()
    {
        GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
        return GCSettings.LatencyMode;
    }
}
