using System.Collections.Concurrent;
using Omni.Sdk;

namespace Edge.Host.Tests.Fakes;

/// <summary>Answers with a fixed status, or with queued statuses one call at a time; counts the calls.</summary>
internal sealed class FakeOutboxMonitor : IOutboxMonitor, IDisposable
{
    public static readonly OutboxStatus Healthy =
        new(0, 0, null, 0, CentralReachable: true, StorageFull: false, SenderAlive: true);

    private readonly ConcurrentQueue<OutboxStatus> _queued = new();
    private readonly SemaphoreSlim _calls = new(0);

    public OutboxStatus Status { get; set; } = Healthy;

    public void Enqueue(params OutboxStatus[] statuses)
    {
        foreach (var status in statuses)
        {
            _queued.Enqueue(status);
        }
    }

    /// <summary>Waits until GetStatusAsync has been called once more (after earlier waits).</summary>
    public Task WaitForCallAsync(CancellationToken cancellationToken) => _calls.WaitAsync(cancellationToken);

    public void Dispose() => _calls.Dispose();

    public Task<OutboxStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var status = _queued.TryDequeue(out var next) ? next : Status;
        _calls.Release();
        return Task.FromResult(status);
    }
}
