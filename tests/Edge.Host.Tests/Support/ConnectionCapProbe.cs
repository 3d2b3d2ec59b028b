using System.Net.Sockets;
using System.Text;

namespace Edge.Host.Tests.Support;

/// <summary>
/// A Kestrel connection cap seen from outside: <c>limit</c> connections held open, one more closed without an
/// answer, and a held one still served (its answer is returned). Central's tests link this file too.
/// </summary>
internal static class ConnectionCapProbe
{
    public static async Task<string> AssertOneTooManyClosedAsync(Uri address, int limit)
    {
        var held = new List<TcpClient>();
        try
        {
            for (var i = 0; i < limit; i++)
            {
                held.Add(await ConnectAsync(address));
            }

            using var oneTooMany = await ConnectAsync(address);

            Assert.Equal(string.Empty, await GetHealthzAsync(oneTooMany));
            var answer = await GetHealthzAsync(held[0]);
            Assert.StartsWith("HTTP/1.1 ", answer, StringComparison.Ordinal);
            return answer;
        }
        finally
        {
            held.ForEach(client => client.Dispose());
        }
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
