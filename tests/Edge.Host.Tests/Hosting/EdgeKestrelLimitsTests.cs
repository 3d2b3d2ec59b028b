using Edge.Host.Tests.Support;

namespace Edge.Host.Tests.Hosting;

public sealed class EdgeKestrelLimitsTests : IDisposable
{
    private const int Limit = 2;

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Connect_BeyondMaxConcurrentConnections_ClosedWithoutAnswer()
    {
        await using var host = await TestEdgeHost.StartAsync(
            _data, null, $"--Edge:MaxConcurrentConnections={Limit}");
        var address = host.Client.BaseAddress!;

        await ConnectionCapProbe.AssertOneTooManyClosedAsync(address, Limit);

        host.Logs.AssertNoErrors();
    }
}
