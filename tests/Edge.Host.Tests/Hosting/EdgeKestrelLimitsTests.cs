using System.Net.Sockets;
using System.Text;
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
        var held = new List<TcpClient>();
        try
        {
            for (var i = 0; i < Limit; i++)
            {
                held.Add(await ConnectAsync(address));
            }

            using var oneTooMany = await ConnectAsync(address);

            Assert.Equal(string.Empty, await GetHealthzAsync(oneTooMany));
            Assert.StartsWith("HTTP/1.1 ", await GetHealthzAsync(held[0]), StringComparison.Ordinal);
        }
        finally
        {
            held.ForEach(client => client.Dispose());
        }

        host.Logs.AssertNoErrors();
    }

    private static async Task<TcpClient> ConnectAsync(Uri address)
    {
        var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        return client;
    }

    // What the server answers within the first read; empty when it closed the connection without a word.
    private static async Task<string> GetHealthzAsync(TcpClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stream = client.GetStream();
        var request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"u8.ToArray();
        try
        {
            await stream.WriteAsync(request, timeout.Token);
            var buffer = new byte[4096];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read);
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
