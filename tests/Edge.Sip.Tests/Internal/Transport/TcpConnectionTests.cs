using System.Net;
using System.Net.Sockets;
using Edge.Sip.Internal.Transport;

namespace Edge.Sip.Tests.Internal.Transport;

public sealed class TcpConnectionTests : IDisposable
{
    private const int Chunk = 64 * 1024;

    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Socket _peer = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly TcpConnection _connection;

    public TcpConnectionTests()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(1);
        _peer.Connect(_listener.LocalEndPoint!);
        var accepted = _listener.Accept();
        _connection = new TcpConnection(accepted, (IPEndPoint)accepted.RemoteEndPoint!, TimeProvider.System);
    }

    [Fact]
    public void TrySend_NothingDrainedPastThePendingLimit_RefusedAndClosed()
    {
        var data = new byte[Chunk];
        var accepted = 0;
        while (accepted * Chunk < 4 * TcpConnection.MaxPendingBytes && _connection.TrySend(data))
        {
            accepted++;
        }

        Assert.Equal(TcpConnection.MaxPendingBytes / Chunk, accepted);
        Assert.False(_connection.IsOpen);
    }

    [Fact]
    public async Task TrySend_PeerReadsEverything_MoreThanThePendingLimitGoesThrough()
    {
        using var stop = new CancellationTokenSource();
        var run = _connection.RunAsync((_, _) => { }, () => { }, stop.Token);
        var data = new byte[Chunk];
        var buffer = new byte[Chunk];
        for (var i = 0; i < 4 * TcpConnection.MaxPendingBytes / Chunk; i++)
        {
            Assert.True(_connection.TrySend(data));
            for (var read = 0; read < Chunk;)
            {
                read += await _peer.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None);
            }
        }

        Assert.True(_connection.IsOpen);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    public void Dispose()
    {
        _connection.Dispose();
        _peer.Dispose();
        _listener.Dispose();
    }
}
