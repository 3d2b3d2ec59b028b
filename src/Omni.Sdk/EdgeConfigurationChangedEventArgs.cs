using Omni.Contracts.V1;

namespace Omni.Sdk;

/// <summary>Carries the configuration that just became current.</summary>
/// <param name="configuration">The new configuration.</param>
public sealed class EdgeConfigurationChangedEventArgs(EdgeConfiguration configuration) : EventArgs
{
    /// <summary>The new configuration.</summary>
    public EdgeConfiguration Configuration { get; } = configuration;
}
