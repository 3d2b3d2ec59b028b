using Edge.Host.Hosting;
using Edge.Host.Tests.Support;
using Microsoft.Extensions.Options;

namespace Edge.Host.Tests.Hosting;

public sealed class EdgeApplicationTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task StartAsync_HttpUrlNotLoopback_FailsNamingTheOption()
    {
        var builder = EdgeApplication.CreateBuilder(
            TestEdgeHost.Arguments(_data, "--Edge:HttpUrl=http://0.0.0.0:0", "--Edge:OutboxFullRetryAfterSeconds=0"));
        await using var app = EdgeApplication.Build(builder);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(failure.Failures, f => f.Contains("HttpUrl", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("OutboxFullRetryAfterSeconds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_Defaults_ListensOnLoopback()
    {
        await using var host = await TestEdgeHost.StartAsync(_data);

        Assert.True(host.Client.BaseAddress!.IsLoopback);
        Assert.NotEqual(0, host.Client.BaseAddress.Port);
        host.Logs.AssertNoErrors();
    }

    public void Dispose() => _data.Dispose();
}
