using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Edge.Sip.Internal.Transactions;
using Microsoft.Extensions.Logging;

namespace Edge.Sip.Internal.Transport;

/// <summary>
/// UDP and TCP on one port (RFC 3261 §18). Loops never let an exception escape: a bad datagram, an ICMP
/// port-unreachable reported on the UDP socket, or a failing handler is logged and the loop goes on.
/// </summary>
internal sealed partial class SipTransport : IAsyncDisposable
{
    private const int MaxBindAttempts = 20;

    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Scheduler _schedule;
    private readonly TransportHandlers _handlers;
    private readonly Action _onIncomplete;
    private readonly int _maxConnections;
    private readonly TimeSpan _idleTimeout;
    private readonly ConcurrentDictionary<IPEndPoint, TcpConnection> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private Socket? _udp;
    private Socket? _tcp;

    /// <summary>Creates the transport; <paramref name="schedule"/> is the stack's one timer queue.</summary>
    public SipTransport(
        SipOptions options, TimeProvider time, Scheduler schedule, TransportHandlers handlers, ILogger logger)
    {
        _maxConnections = options.MaxTcpConnections;
        _idleTimeout = options.TcpIdleTimeout;
        _time = time;
        _schedule = schedule;
        _handlers = handlers;
        _logger = logger;
        _onIncomplete = () => LogMessageIncomplete(_logger);
    }

    public IPEndPoint LocalEndPoint { get; private set; } = new(IPAddress.Loopback, 0);

    /// <summary>Binds UDP and TCP to the same address and port; with port 0 both share one ephemeral port.</summary>
    public void Start(IPAddress address, int port, bool udp, bool tcp)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Bind(address, port, udp, tcp);
                break;
            }
            catch (SocketException) when (port == 0 && attempt < MaxBindAttempts)
            {
                // The ephemeral UDP port was taken for TCP: try another pair.
                _udp?.Dispose();
                _tcp?.Dispose();
            }
        }

        if (_udp is not null)
        {
            _loops.Add(Task.Run(() => UdpLoopAsync(_udp, _stopping.Token)));
        }

        if (_tcp is not null)
        {
            _loops.Add(Task.Run(() => AcceptLoopAsync(_tcp, _stopping.Token)));
        }

        LogStarted(_logger, LocalEndPoint.Port, udp, tcp);
    }

    private void Bind(IPAddress address, int port, bool udp, bool tcp)
    {
        _udp = null;
        _tcp = null;
        if (udp)
        {
            _udp = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            _udp.Bind(new IPEndPoint(address, port));
            port = ((IPEndPoint)_udp.LocalEndPoint!).Port;
        }

        if (tcp)
        {
            _tcp = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            _tcp.Bind(new IPEndPoint(address, port));
            _tcp.Listen(512);
            port = ((IPEndPoint)_tcp.LocalEndPoint!).Port;
        }

        LocalEndPoint = new IPEndPoint(address, port);
    }

    private async Task UdpLoopAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[65_536];
        EndPoint any = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
                var data = buffer.AsSpan(0, result.ReceivedBytes).ToArray();
                Dispatch(data, new InboundContext(TransportKind.Udp, (IPEndPoint)result.RemoteEndPoint, null));
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused
                or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.MessageSize)
            {
                // P10: an ICMP error for an earlier send surfaces here; it is about that send, not this socket.
                LogUdpIcmpError(_logger, ex.SocketErrorCode);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                LogUdpReceiveError(_logger, ex.SocketErrorCode);
            }
        }
    }

    private void Dispatch(byte[] data, InboundContext context)
    {
        try
        {
            _handlers.OnMessage(data, context);
        }
#pragma warning disable CA1031 // A bug in handling one message must not stop the transport; it is logged as an error.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogHandlerFailed(_logger, ex);
        }
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var socket = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
                if (Admit(socket))
                {
                    Track(new TcpConnection(socket, (IPEndPoint)socket.RemoteEndPoint!, _time), cancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                LogAcceptFailed(_logger, ex.SocketErrorCode);
            }
        }
    }

    private void OnFrame(TcpConnection connection, Frame frame)
    {
        switch (frame.Kind)
        {
            case FrameKind.Message:
                Dispatch(frame.Bytes, new InboundContext(TransportKind.Tcp, connection.Remote, connection));
                break;
            case FrameKind.Ping:
                // RFC 5626 §4.4.1: answer a double-CRLF ping with a single CRLF pong.
                connection.TrySend("\r\n"u8.ToArray());
                break;
            case FrameKind.BadLength:
                LogBadStream(_logger, frame.Bytes.Length);
                _handlers.OnBadStream(connection, frame.Bytes);
                connection.CloseAfterFlush();
                break;
            default:
                LogBadStream(_logger, Messages.SipLimits.MaxMessageBytes);
                connection.Close();
                break;
        }
    }

    /// <summary>Sends bytes; never throws. TCP reuses an open connection to the target or opens one.</summary>
    public void Send(byte[] data, SendTarget target)
    {
        if (target.Kind == TransportKind.Udp)
        {
            SendUdp(data, target.EndPoint);
            return;
        }

        var connection = target.Connection is { IsOpen: true } given ? given
            : _connections.TryGetValue(target.EndPoint, out var known) && known.IsOpen ? known : null;
        if (connection is null || !connection.TrySend(data))
        {
            _ = ConnectAndSendAsync(data, target.EndPoint, _stopping.Token);
        }
    }

    private void SendUdp(byte[] data, IPEndPoint endPoint)
    {
        try
        {
            _udp?.SendTo(data, SocketFlags.None, endPoint);
        }
        catch (SocketException ex)
        {
            LogSendFailed(_logger, "udp", ex.SocketErrorCode);
        }
        catch (ObjectDisposedException)
        {
            // Stopping.
        }
    }

    private async Task ConnectAndSendAsync(byte[] data, IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            var connection = new TcpConnection(socket, endPoint, _time);
            connection.TrySend(data);
            Track(connection, cancellationToken);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            LogSendFailed(_logger, "tcp", ex.SocketErrorCode);
        }
        catch (OperationCanceledException)
        {
            socket.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _udp?.Dispose();
        _tcp?.Dispose();
        foreach (var connection in _connections.Values)
        {
            connection.Close();
        }

        await Task.WhenAll(_loops).ConfigureAwait(false);
        _stopping.Dispose();
    }
}
