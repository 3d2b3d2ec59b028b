using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Edge.Sip.Internal.Transport;

/// <summary>One TCP connection: a read loop feeding the framer and a write loop draining an outbox.</summary>
internal sealed class TcpConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly Channel<byte[]> _outbox = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TcpFramer _framer = new();
    private readonly CancellationTokenSource _closed = new();

    public TcpConnection(Socket socket, IPEndPoint remote)
    {
        _socket = socket;
        Remote = remote;
    }

    public IPEndPoint Remote { get; }

    public bool IsOpen => !_closed.IsCancellationRequested;

    /// <summary>Queues bytes for sending; false when the connection is closed.</summary>
    public bool TrySend(byte[] data) => IsOpen && _outbox.Writer.TryWrite(data);

    /// <summary>Reads until the peer closes or <see cref="Close"/> is called; frames go to <paramref name="onFrame"/>.</summary>
    public async Task RunAsync(Action<TcpConnection, Frame> onFrame, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
        var writer = WriteLoopAsync(linked.Token);
        try
        {
            await ReadLoopAsync(onFrame, linked.Token).ConfigureAwait(false);
        }
        finally
        {
            Close();
            await writer.ConfigureAwait(false);
            Dispose();
        }
    }

    private async Task ReadLoopAsync(Action<TcpConnection, Frame> onFrame, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        while (!cancellationToken.IsCancellationRequested)
        {
            var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            foreach (var frame in _framer.Feed(buffer.AsSpan(0, read)))
            {
                onFrame(this, frame);
            }
        }
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var data in _outbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await _socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            }

            // The outbox was completed: everything queued is sent, so the connection can go.
            ShutdownQuietly();
            Close();
        }
        catch (OperationCanceledException)
        {
            // Closing: pending writes are dropped with the connection.
        }
        catch (SocketException)
        {
            Close();
        }
    }

    /// <summary>Flushes what is queued (best effort) and closes.</summary>
    public void Close()
    {
        _outbox.Writer.TryComplete();
        if (!_closed.IsCancellationRequested)
        {
            _closed.Cancel();
        }
    }

    /// <summary>Sends what is queued, then closes (used after a 400 for a broken stream).</summary>
    public void CloseAfterFlush() => _outbox.Writer.TryComplete();

    private void ShutdownQuietly()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already gone.
        }
        catch (ObjectDisposedException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        Close();
        _socket.Dispose();
        _closed.Dispose();
    }
}
