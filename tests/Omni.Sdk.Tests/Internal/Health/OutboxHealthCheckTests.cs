using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Omni.Sdk.Internal.Sending;
using Omni.Sdk.Tests.Support;

namespace Omni.Sdk.Tests.Internal.Health;

public sealed class OutboxHealthCheckTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
    private FakeCentral _central = null!;
    private string _keyFile = null!;

    public async Task InitializeAsync()
    {
        _keyFile = TestKeys.WriteHexKeyFile(_dir.Path, TestKeys.NewKey());
        _central = await FakeCentral.StartAsync();
    }

    public async Task DisposeAsync() => await _central.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Check_CentralAway_IsDegradedAndRecordsWait()
    {
        await _central.StopAsync();
        await using var sdk = await SdkHarness.StartAsync(_dir.Path, _central.Address, _time, _keyFile);
        await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());

        await Eventually.UntilAsync(() => !sdk.Monitor.GetStatusAsync().Result.CentralReachable, _time,
            because: "the failed push to be noticed");

        Assert.Equal(HealthStatus.Degraded, await sdk.CheckHealthAsync());
        Assert.Equal(1, (await sdk.Monitor.GetStatusAsync()).BacklogCount);
    }

    [Fact]
    public async Task Check_SenderStopped_IsUnhealthy()
    {
        await using var sdk = await SdkHarness.StartAsync(_dir.Path, _central.Address, _time, _keyFile);
        await Eventually.UntilAsync(() => sdk.Monitor.GetStatusAsync().Result.CentralReachable, because: "the first fetch");

        sdk.ErrorsExpected = true;
        await sdk.Services.GetRequiredService<OutboxSender>().StopAsync(CancellationToken.None);

        Assert.False((await sdk.Monitor.GetStatusAsync()).SenderAlive);
        Assert.Equal(HealthStatus.Unhealthy, await sdk.CheckHealthAsync());
    }
}
