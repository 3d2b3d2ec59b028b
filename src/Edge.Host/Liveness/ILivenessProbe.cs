namespace Edge.Host.Liveness;

/// <summary>
/// Tells whether one listener of a role (the SIP transport, the kiosk's card reader, …) still serves.
/// </summary>
/// <remarks>
/// Register implementations as <c>services.AddSingleton&lt;ILivenessProbe, MyProbe&gt;()</c>. The systemd
/// watchdog is only petted while every registered probe answers true, so a wedged listener gets the
/// process restarted; <c>/healthz</c> reports unhealthy for the same reason. Answer quickly and without I/O:
/// a probe is asked every few seconds.
/// </remarks>
internal interface ILivenessProbe
{
    /// <summary>A short stable name for logs and health output, e.g. "sip-udp".</summary>
    string Name { get; }

    /// <summary>Whether the listener has made progress, or waited on purpose, recently.</summary>
    bool IsAlive();
}
