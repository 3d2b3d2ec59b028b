using Microsoft.Extensions.Options;
using Omni.Sdk.Internal.Sending;
using Omni.Sdk.Internal.Storage;

namespace Omni.Sdk.Internal.Health;

/// <summary>Answers status from the in-memory totals plus one indexed read for the oldest record.</summary>
internal sealed class OutboxMonitor : IOutboxMonitor
{
    private readonly OutboxCounters _counters;
    private readonly OutboxStatusReader _reader;
    private readonly LinkState _link;
    private readonly TimeProvider _time;
    private readonly TimeSpan _aliveWindow;

    public OutboxMonitor(OutboxCounters counters, OutboxStatusReader reader, LinkState link, IOptions<OmniSdkOptions> options,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _counters = counters;
        _reader = reader;
        _link = link;
        _time = time;

        // One call may take CallTimeout; anything quieter than a few of those, while not waiting on purpose, is stuck.
        _aliveWindow = (options.Value.CallTimeout * 3) + options.Value.BackoffMax;
    }

    public Task<OutboxStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read());
    }

    /// <summary>The same snapshot, synchronously, for metric callbacks.</summary>
    public OutboxStatus Read()
    {
        var totals = _counters.Snapshot();
        var oldest = totals.BacklogCount > 0 ? _reader.ReadOldestOccurredAt() : null;
        var now = _time.GetUtcNow();
        return new OutboxStatus(
            totals.BacklogCount,
            totals.BacklogBytes,
            oldest is { } at ? TimeSpanMax(now - at, TimeSpan.Zero) : null,
            totals.DeadCount,
            _link.CentralReachable,
            totals.StorageFull,
            _link.SenderAlive(_aliveWindow));
    }

    private static TimeSpan TimeSpanMax(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
