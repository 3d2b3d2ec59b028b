using Omni.Contracts.V1;

namespace Omni.Sdk;

/// <summary>
/// Serves the last good edge configuration from Central, kept durably next to the outbox so that an edge
/// keeps working after a restart while Central is away.
/// </summary>
public interface IEdgeConfigurationProvider
{
    /// <summary>The last good configuration; null until one was ever fetched on this device.</summary>
    EdgeConfiguration? Current { get; }

    /// <summary>Raised after a new configuration version is stored durably and became <see cref="Current"/>.</summary>
    event EventHandler<EdgeConfigurationChangedEventArgs>? Changed;

    /// <summary>Asks Central for a newer configuration now instead of at the next refresh interval.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True when Central answered (whether or not the version changed); false when it could not be reached.</returns>
    Task<bool> RefreshAsync(CancellationToken cancellationToken = default);
}
