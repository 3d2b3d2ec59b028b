using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Omnichannel.EndToEnd.Tests.Support;

namespace Omnichannel.EndToEnd.Tests.StoreAndForward;

/// <summary>
/// Besides a corrupt outbox (CorruptOutboxTests), a wrong key and a wrong setting also stop the edge with one
/// clear line and exit 78, never a crash, and never with the key or a value in the message.
/// </summary>
public sealed class EdgeStartRefusalTests
{
    private const int CannotStart = 78;
    private const int PortInUse = 75;

    [Fact]
    public async Task Start_OutboxKeyReplaced_Exit78NamingTheOutboxAndLeavesItUnchanged()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = limit.Token;
        await using var cluster = new ProductCluster();
        var edge = cluster.AddEdge("kiosk-rekeyed");
        await edge.StartAsync(ct);
        await new LoadGenerator(edge, cluster.Seeded).RunAsync(clients: 2, total: 20, ct);
        await edge.StopAsync();
        var before = await File.ReadAllBytesAsync(edge.Settings.OutboxPath, ct);
        var newKey = RandomNumberGenerator.GetBytes(32);
        await File.WriteAllBytesAsync(edge.Settings.KeyFile, newKey, ct);

        var (exitCode, stderr) = await StartUntilExitAsync(cluster, edge, ct);

        Assert.Equal(CannotStart, exitCode);
        Assert.StartsWith("Edge.Host cannot start: The outbox key does not match", stderr, StringComparison.Ordinal);
        Assert.Contains(edge.Settings.OutboxPath, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(newKey), stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(newKey), stderr, StringComparison.Ordinal);
        var after = await File.ReadAllBytesAsync(edge.Settings.OutboxPath, ct);
        Assert.Equal(SHA256.HashData(before), SHA256.HashData(after));
        cluster.AssertCleanOutput("Microsoft.Extensions.Hosting.Internal.Host");
    }

    [Fact]
    public async Task Start_EdgeUrlNotLoopback_Exit78NamingTheSetting()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var cluster = new ProductCluster();
        var edge = cluster.AddEdge("kiosk-misconfigured", extraArguments: ["--Edge:HttpUrl=http://192.0.2.10:8080"]);

        var (exitCode, stderr) = await StartUntilExitAsync(cluster, edge, limit.Token);

        Assert.Equal(CannotStart, exitCode);
        Assert.StartsWith("Edge.Host cannot start: ", stderr, StringComparison.Ordinal);
        Assert.Contains("HttpUrl", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("192.0.2.10", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
        cluster.AssertCleanOutput("Microsoft.Extensions.Hosting.Internal.Host");
    }

    [Theory]
    [InlineData(SocketType.Stream, ProtocolType.Tcp, "--Edge:HttpUrl=http://127.0.0.1:")]
    [InlineData(SocketType.Dgram, ProtocolType.Udp, "--Telephony:SipListenPort=")]
    public async Task Start_PortHeldByAnotherProcess_Exit75WithOneLineNotACrash(
        SocketType socketType, ProtocolType protocol, string setting)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var holder = new Socket(AddressFamily.InterNetwork, socketType, protocol);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        if (socketType == SocketType.Stream)
        {
            holder.Listen();
        }

        var port = ((IPEndPoint)holder.LocalEndPoint!).Port.ToString(CultureInfo.InvariantCulture);
        await using var cluster = new ProductCluster();
        var edge = cluster.AddEdge("kiosk-port-taken", extraArguments: [setting + port]);

        var (exitCode, stderr) = await StartUntilExitAsync(cluster, edge, limit.Token);

        Assert.Equal(PortInUse, exitCode);
        Assert.StartsWith(
            "Edge.Host cannot start: a listening port is already in use by another process: ", stderr, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:" + port, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', stderr);
    }

    private static async Task<(int ExitCode, string Stderr)> StartUntilExitAsync(
        ProductCluster cluster, EdgeNode edge, CancellationToken ct)
    {
        var process = await edge.StartAsync(waitUntilReady: false, ct);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var stderr = string.Join('\n', cluster.Output.Lines
            .Where(line => line.Source == process.Name && line.IsError)
            .Select(line => line.Text));
        return (exitCode, stderr);
    }
}
