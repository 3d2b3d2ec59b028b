using System.Net;
using System.Text.Json;
using Edge.Host.Liveness;
using Edge.Host.Tests.Fakes;
using Edge.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Omni.Sdk;

namespace Edge.Host.Tests.Health;

public sealed class HealthzEndpointTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly FakeOutboxMonitor _monitor = new();
    private readonly FakeLivenessProbe _probe = new("sip-tcp");
    private TestEdgeHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestEdgeHost.StartAsync(_data, services => services
            .AddSingleton<IOutboxMonitor>(_monitor)
            .AddSingleton<ILivenessProbe>(_probe));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
    }

    public void Dispose()
    {
        _data.Dispose();
        _monitor.Dispose();
    }

    [Fact]
    public async Task Get_Backlog_ReportsEveryFieldInCamelCase()
    {
        _monitor.Status = new OutboxStatus(3, 4096, TimeSpan.FromSeconds(90.5), 0, false, false, true);

        var (status, body) = await GetAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        Assert.Equal(3, body.GetProperty("backlog").GetInt64());
        Assert.Equal(4096, body.GetProperty("backlogBytes").GetInt64());
        Assert.Equal(90.5, body.GetProperty("oldestRecordAgeSeconds").GetDouble());
        Assert.Equal(0, body.GetProperty("deadLetters").GetInt64());
        Assert.False(body.GetProperty("centralReachable").GetBoolean());
        Assert.False(body.GetProperty("storageFull").GetBoolean());
        Assert.Equal(7, body.EnumerateObject().Count());
    }

    [Fact]
    public async Task Get_AllWell_200Healthy()
    {
        var (status, body) = await GetAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("oldestRecordAgeSeconds").ValueKind);
    }

    [Fact]
    public async Task Get_DeadLetters_200Degraded()
    {
        _monitor.Status = FakeOutboxMonitor.Healthy with { DeadLetterCount = 1 };

        var (status, body) = await GetAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("degraded", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Get_StorageFull_503Unhealthy()
    {
        _monitor.Status = FakeOutboxMonitor.Healthy with { StorageFull = true };

        var (status, body) = await GetAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("storageFull").GetBoolean());
    }

    [Fact]
    public async Task Get_SenderDead_503Unhealthy()
    {
        _monitor.Status = FakeOutboxMonitor.Healthy with { SenderAlive = false };

        var (status, _) = await GetAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
    }

    [Fact]
    public async Task Get_ListenerDead_503Unhealthy()
    {
        _probe.Alive = false;

        var (status, _) = await GetAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync()
    {
        using var response = await _host.Client.GetAsync("/healthz");
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }
}
