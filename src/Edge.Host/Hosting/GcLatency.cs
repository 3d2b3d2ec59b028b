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
    /// the request then). Measured at 500 calls with a 2 MiB gen0 budget (deploy/systemd/omni-edge.service):
    /// worst pause 11-15 ms with it, against 20-34 ms for the defaults (bench/Telephony).
    /// </summary>
    public static GCLatencyMode Apply()
    {
        GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
        return GCSettings.LatencyMode;
    }
}
