using System.Diagnostics.Metrics;

namespace Omni.Sdk.Internal.Health;

/// <summary>Publishes the backlog on the <see cref="OmniSdkTelemetry.MeterName"/> meter.</summary>
internal sealed class OutboxMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly Counter<long> _appends;
    private readonly Counter<long> _acknowledged;
    private volatile bool _disposed;

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
        _meter.CreateObservableGauge("omni.outbox.backlog", () => Read(status, s => s.BacklogCount), "{record}",
            "Records waiting for Central's acknowledgement.");
        _meter.CreateObservableGauge("omni.outbox.backlog.bytes", () => Read(status, s => s.BacklogBytes), "By",
            "Stored bytes of the waiting records.");
        _meter.CreateObservableGauge("omni.outbox.oldest_age", () => Read(status, s => s.OldestAge?.TotalSeconds ?? 0), "s",
            "Age of the oldest waiting record.");
        _meter.CreateObservableGauge("omni.outbox.dead_letters", () => Read(status, s => s.DeadLetterCount), "{record}",
            "Records Central rejected for good.");
    }

    public void Appended(long count) => _appends.Add(count);

    public void Acknowledged(long count) => _acknowledged.Add(count);

    public void Dispose()
    {
        _disposed = true;
        _meter.Dispose();
    }

    // A collection can race with shutdown; after disposal there is nothing to report, which is not an error.
    private IEnumerable<Measurement<T>> Read<T>(Func<OutboxStatus> status, Func<OutboxStatus, T> select)
        where T : struct
    {
        if (_disposed)
        {
            return [];
        }

        try
        {
            return [new Measurement<T>(select(status()))];
        }
        catch (ObjectDisposedException)
        {
            return [];
        }
    }
}
