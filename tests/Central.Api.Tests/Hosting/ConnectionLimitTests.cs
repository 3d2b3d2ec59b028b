using Central.Api.Hosting;
using Edge.Host.Tests.Support;

namespace Central.Api.Tests.Hosting;

public sealed class ConnectionLimitTests : IDisposable
{
    private const int Limit = 3;

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Connect_BeyondMaxConcurrentConnections_ClosedWithoutAnswer()
    {
        await using var host = await CentralHost.StartAsync(
            _directory, null, $"--Central:MaxConcurrentConnections={Limit}");
        var address = ((CentralEndpoints)host.Services.GetService(typeof(CentralEndpoints))!).HttpAddress!;

        var held = await ConnectionCapProbe.AssertOneTooManyClosedAsync(address, Limit);

        Assert.StartsWith("HTTP/1.1 200", held, StringComparison.Ordinal);
    }
}
