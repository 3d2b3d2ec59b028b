using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Edge.Sip.Internal.Messages;
using Edge.Sip.Internal.Timers;

namespace Edge.Sip.Internal.Transport;

/// <summary>
/// One TCP connection: a read loop feeding the framer and a write loop draining an outbox. It notes when a byte
/// last went either way and since when an unfinished message is buffered, for the transport's idle check.
/// </summary>
internal sealed class TcpConnection : IDisposable
{
    /// <summary>
    /// Bytes queued for sending that the connection holds at most (16 messages of the largest size). A peer that
    /// sends requests but never reads would otherwise make every response wait in memory; past this it is closed.
    /// </summary>
    public const int MaxPendingBytes = 16 * SipLimits.MaxMessageBytes;

    private const long NoPartial = long.MinValue;

    private readonly Socket _socket;
    private readonly Channel<byte[]> _outbox = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TcpFramer _framer = new();
    private readonly CancellationTokenSource _closed = new();
    private readonly TimeProvider _time;
    private long _lastActivity;
    private long _partialSince = NoPartial;
    private long _pendingBytes;

    public TcpConnection(Socket socket, IPEndPoint remote, TimeProvider time)
    {
        _socket = socket;
        Remote = remote;
        _time = time;
        _lastActivity = time.GetTimestamp();
    }

    public IPEndPoint Remote { get; }

    public bool IsOpen => !_closed.IsCancellationRequested;

    /// <summary>The pending idle check, cancelled when the connection ends.</summary>
    public TimerHandle? IdleCheck { get; set; }

    /// <summary>Time since a byte was last received or sent.</summary>
    public TimeSpan IdleFor => _time.GetElapsedTime(Volatile.Read(ref _lastActivity));

    /// <summary>How long the unfinished message now buffered has been arriving; zero when none is.</summary>
    public TimeSpan PartialFor
    {
        get
        {
            var since = Volatile.Read(ref _partialSince);
            return since == NoPartial ? TimeSpan.Zero : _time.GetElapsedTime(since);
        }
    }

    /// <summary>
    /// Queues bytes for sending; false when the connection is closed, or when the peer left more than
    /// <see cref="MaxPendingBytes"/> unread, which closes it.
    /// </summary>
    public bool TrySend(byte[] data)
    {
        if (!IsOpen)
        {
            return false;
        }

        if (Interlocked.Add(ref _pendingBytes, data.Length) > MaxPendingBytes)
        {
            Close();
            return false;
        }

        if (!_outbox.Writer.TryWrite(data))
        {
            Interlocked.Add(ref _pendingBytes, -data.Length);
            return false;
        }

        // Counted when queued, not when written: the outbox drains at once unless the peer stops reading.
        MarkActive();
        return true;
    }

    /// <summary>
    /// Reads until the peer closes or <see cref="Close"/> is called; frames go to <paramref name="onFrame"/>, and
    /// <paramref name="onIncomplete"/> hears of each read that leaves part of a message buffered.
    /// </summary>
    public async Task RunAsync(
        Action<TcpConnection, Frame> onFrame, Action onIncomplete, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
        var writer = WriteLoopAsync(linked.Token);
        try
        {
            await ReadLoopAsync(onFrame, onIncomplete, linked.Token).ConfigureAwait(false);
        }
        finally
        {
            Close();
            await writer.ConfigureAwait(false);
            Dispose();
        }
    }

    private async Task ReadLoopAsync(
        Action<TcpConnection, Frame> onFrame, Action onIncomplete, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        while (!cancellationToken.IsCancellationRequested)
        {
            var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            MarkActive();
            foreach (var frame in _framer.Feed(buffer.AsSpan(0, read)))
            {
                onFrame(this, frame);
            }

            if (TrackPartial())
            {
                onIncomplete();
            }
        }
    }

    private void MarkActive() => Volatile.Write(ref _lastActivity, _time.GetTimestamp());

    private bool TrackPartial()
    {
        if (!_framer.HasPartialMessage)
        {
            Volatile.Write(ref _partialSince, NoPartial);
            return false;
        }

        if (Volatile.Read(ref _partialSince) == NoPartial)
        {
            Volatile.Write(ref _partialSince, _time.GetTimestamp());
        }

        return true;
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var data in _outbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await _socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                Interlocked.Add(ref _pendingBytes, -data.Length);
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
        IdleCheck?.Cancel();
        Close();
        _socket.Dispose();
        _closed.Dispose();
    }
}
