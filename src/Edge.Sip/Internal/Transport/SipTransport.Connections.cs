using System.Net;
using System.Net.Sockets;

namespace Edge.Sip.Internal.Transport;

/// <summary>
/// TCP connection bookkeeping: the cap on open connections, and closing connections that are idle (no byte either
/// way and no transaction or dialog using them) or that hold one unfinished message for too long. Every check runs
/// on the stack's one timer queue; no thread or loop per connection.
/// </summary>
internal sealed partial class SipTransport
{
    private const long NoRefusal = long.MinValue;

    private int _openCount;
    private long _lastRefusal = NoRefusal;

    /// <summary>Connections the transport tracks now (accepted and opened by us).</summary>
    public int OpenConnections => Volatile.Read(ref _openCount);

    // Runs on the single accept loop only, so the refusal fields need no lock.
    private bool Admit(Socket socket)
    {
        if (OpenConnections < _maxConnections)
        {
            return true;
        }

        Refuse(socket);
        return false;
    }

    private void Refuse(Socket socket)
    {
        // One log line per burst: refusals less than one idle timeout apart belong to the same burst.
        var now = _time.GetTimestamp();
        if (_lastRefusal == NoRefusal || _time.GetElapsedTime(_lastRefusal, now) >= _idleTimeout)
        {
            LogConnectionLimitReached(_logger, _maxConnections);
        }

        _lastRefusal = now;
        try
        {
            // An abortive close (RST): nothing was read, and a flood leaves no TIME_WAIT sockets on our side.
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
            // The peer is gone already; disposing is all that is left.
        }

        socket.Dispose();
    }

    private void Track(TcpConnection connection, CancellationToken cancellationToken)
    {
        _connections[connection.Remote] = connection;
        var open = Interlocked.Increment(ref _openCount);
        LogConnectionOpened(_logger, open);
        ScheduleIdleCheck(connection, _idleTimeout);
        _ = RunConnectionAsync(connection, cancellationToken);
    }

    private async Task RunConnectionAsync(TcpConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.RunAsync(OnFrame, _onIncomplete, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping or closed.
        }
        catch (SocketException ex)
        {
            LogConnectionError(_logger, ex.SocketErrorCode);
        }
#pragma warning disable CA1031 // One broken connection must not affect the others; it is logged as an error.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogHandlerFailed(_logger, ex);
        }
        finally
        {
            _connections.TryRemove(new KeyValuePair<IPEndPoint, TcpConnection>(connection.Remote, connection));
            var open = Interlocked.Decrement(ref _openCount);
            LogConnectionClosed(_logger, open);
        }
    }

    private void ScheduleIdleCheck(TcpConnection connection, TimeSpan delay) =>
        connection.IdleCheck = _schedule(delay, () => CheckIdle(connection));

    private void CheckIdle(TcpConnection connection)
    {
        if (!connection.IsOpen)
        {
            return;
        }

        var partial = connection.PartialFor;
        if (partial >= _idleTimeout)
        {
            // A peer dripping one message slowly (slowloris) keeps the connection busy without ever finishing it.
            LogUnfinishedMessage(_logger, (int)_idleTimeout.TotalSeconds);
            connection.Close();
            return;
        }

        var idle = connection.IdleFor;
        if (idle < _idleTimeout)
        {
            // A partial message began with a received byte, so it is never younger than the idle time.
            ScheduleIdleCheck(connection, _idleTimeout - (partial > idle ? partial : idle));
            return;
        }

        if (_handlers.IsInUse(connection))
        {
            // RFC 3261 §18: a transaction or dialog may still send on it; ask again one timeout later.
            ScheduleIdleCheck(connection, _idleTimeout);
            return;
        }

        LogIdleClosed(_logger, (int)idle.TotalSeconds);
        connection.Close();
    }
}
