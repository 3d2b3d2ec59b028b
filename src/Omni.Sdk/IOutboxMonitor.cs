namespace Omni.Sdk;

/// <summary>Tells how the outbox and its link to Central are doing, for health endpoints and dashboards.</summary>
public interface IOutboxMonitor
{
    /// <summary>Reads the current backlog and link state.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A snapshot; cheap enough to call on every health probe.</returns>
    Task<OutboxStatus> GetStatusAsync(CancellationToken cancellationToken = default);
}
