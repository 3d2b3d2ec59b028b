using Omni.Contracts.V1;
using Omni.Sdk;

namespace Edge.Host.Tests.Telephony.Fakes;

internal sealed class FakeEdgeConfigurationProvider : IEdgeConfigurationProvider
{
    public FakeEdgeConfigurationProvider(EdgeConfiguration? current)
    {
        Current = current;
    }

    public EdgeConfiguration? Current { get; set; }

    public event EventHandler<EdgeConfigurationChangedEventArgs>? Changed
    {
        add { }
        remove { }
    }

    public Task<bool> RefreshAsync(CancellationToken cancellationToken = default) => Task.FromResult(false);
}
