using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omni.Contracts.V1;
using Omni.Sdk.Tests.Support;

namespace Omni.Sdk.Tests.Internal.Configuration;

public sealed class EdgeConfigurationCacheTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
    private FakeCentral _central = null!;
    private string _keyFile = null!;

    public async Task InitializeAsync()
    {
        _keyFile = TestKeys.WriteHexKeyFile(_dir.Path, TestKeys.NewKey());
        _central = await FakeCentral.StartAsync();
        _central.State.Configuration = Configuration("v1");
    }

    public async Task DisposeAsync() => await _central.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Current_AfterRestartWithCentralDown_ServesTheStoredCopy()
    {
        await using (var first = await StartAsync())
        {
            var provider = first.Services.GetRequiredService<IEdgeConfigurationProvider>();
            await Eventually.UntilAsync(() => provider.Current?.Version == "v1", because: "the first fetch");
        }

        await _central.StopAsync();
        await using var second = await StartAsync();
        var restarted = second.Services.GetRequiredService<IEdgeConfigurationProvider>();

        Assert.Equal("v1", restarted.Current?.Version);
        Assert.False(await restarted.RefreshAsync());
        Assert.Equal("v1", restarted.Current?.Version);
        Assert.Equal("burgerzaken", restarted.Current?.Diensten[0].Wachtrij);
    }

    [Fact]
    public async Task Refresh_NewVersionAtCentral_RaisesChangedAndSendsKnownVersion()
    {
        await using var sdk = await StartAsync();
        var provider = sdk.Services.GetRequiredService<IEdgeConfigurationProvider>();
        await Eventually.UntilAsync(() => provider.Current?.Version == "v1", because: "the first fetch");
        var changes = new List<string>();
        provider.Changed += (_, e) => changes.Add(e.Configuration.Version);

        _central.State.Configuration = Configuration("v2");
        _time.Advance(TimeSpan.FromSeconds(60));
        await Eventually.UntilAsync(() => provider.Current?.Version == "v2", because: "the periodic refresh");

        Assert.Equal(["v2"], changes);
        Assert.True(await provider.RefreshAsync());
        Assert.Equal("v2", _central.State.LastKnownVersion);
        Assert.Equal(["v2"], changes);
    }

    [Fact]
    public async Task Current_NeverFetched_IsNull()
    {
        await _central.StopAsync();
        await using var sdk = await StartAsync();

        Assert.Null(sdk.Services.GetRequiredService<IEdgeConfigurationProvider>().Current);
    }

    private Task<SdkHarness> StartAsync() => SdkHarness.StartAsync(_dir.Path, _central.Address, _time, _keyFile);

    private static EdgeConfiguration Configuration(string version) => new()
    {
        Version = version,
        OpeningHours = new OpeningHours { TimeZone = "Europe/Amsterdam" },
        Diensten = { new Dienst { Naam = "Paspoort", Wachtrij = "burgerzaken" } },
    };
}
