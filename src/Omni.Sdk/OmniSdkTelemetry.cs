namespace Omni.Sdk;

/// <summary>Names under which the SDK publishes telemetry, for exporters and dashboards.</summary>
public static class OmniSdkTelemetry
{
    /// <summary>
    /// The <see cref="System.Diagnostics.Metrics.Meter"/> name. Instruments: <c>omni.outbox.backlog</c> (records),
    /// <c>omni.outbox.backlog.bytes</c>, <c>omni.outbox.oldest_age</c> (seconds), <c>omni.outbox.dead_letters</c>,
    /// <c>omni.outbox.appends</c> and <c>omni.outbox.acknowledged</c> (counters).
    /// </summary>
    public const string MeterName = "Omni.Sdk.Outbox";

    /// <summary>The name of the registered health check.</summary>
    public const string HealthCheckName = "omni-outbox";
}
