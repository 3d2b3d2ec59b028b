using System.Diagnostics.Metrics;

namespace Omni.Sdk.Internal.Health;

/// <summary>Publishes the backlog on the <see cref="OmniSdkTelemetry.MeterName"/> meter.</summary>
internal sealed class OutboxMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly Counter<long> _appends;
    private readonly Counter<long> _acknowledged;

    public OutboxMetrics(IMeterFactory? meterFactory)
    {
        _meter = meterFactory?.Create(OmniSdkTelemetry.MeterName) ?? new Meter(OmniSdkTelemetry.MeterName);
        _appends = _meter.CreateCounter<long>("omni.outbox.appends", "{record}", "Records appended to the outbox.");
        _acknowledged = _meter.CreateCounter<long>("omni.outbox.acknowledged", "{record}",
            "Records Central acknowledged (stored or rejected).");
    }

    /// <summary>Registers the gauges that read the current state; called once the status source exists.</summary>
    public void Observe(Func<OutboxStatus> status)
    {
        _meter.CreateObservableGauge("omni.outbox.backlog", () => status().BacklogCount, "{record}",
            "Records waiting for Central's acknowledgement.");
        _meter.CreateObservableGauge("omni.outbox.backlog.bytes", () => status().BacklogBytes, "By",
            "Stored bytes of the waiting records.");
        _meter.CreateObservableGauge("omni.outbox.oldest_age", () => status().OldestAge?.TotalSeconds ?? 0, "s",
            "Age of the oldest waiting record.");
        _meter.CreateObservableGauge("omni.outbox.dead_letters", () => status().DeadLetterCount, "{record}",
            "Records Central rejected for good.");
    }

    public void Appended(long count) => _appends.Add(count);

    public void Acknowledged(long count) => _acknowledged.Add(count);

    public void Dispose() => _meter.Dispose();
}
