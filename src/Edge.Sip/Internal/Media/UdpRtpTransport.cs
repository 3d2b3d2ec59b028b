using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Edge.Sip.Internal.Media;

// Limitation: no RTCP (RFC 3550 §6) is sent or read on port + 1; the brief scopes RTP only, and phones and
// sipp/baresip keep the call up without it. Quality reports from RTCP are therefore not available.

/// <summary>
/// A bound UDP socket for one session. Receives with one pending asynchronous read (no thread per call) and sends
/// synchronously from the pacer, without allocating per packet.
/// </summary>
internal sealed partial class UdpRtpTransport : IRtpTransport
{
    private const int MaxDatagram = 2048;

    private readonly Socket _socket;
    private readonly Action _onDisposed;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;
    private bool _sendFailing;

    public UdpRtpTransport(Socket socket, Action onDisposed, ILogger logger)
    {
        _socket = socket;
        _onDisposed = onDisposed;
        _logger = logger;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    public IPEndPoint LocalEndPoint { get; }

    public void Start(RtpDatagramHandler handler) => _receiving = ReceiveLoopAsync(handler, _stop.Token);

    public void Send(ReadOnlySpan<byte> packet, SocketAddress destination)
    {
        try
        {
            _socket.SendTo(packet, SocketFlags.None, destination);
            _sendFailing = false;
        }
        catch (SocketException ex)
        {
            // Log the first failure of a run only: at 50 packets a second a dead route would flood the log.
            if (!_sendFailing)
            {
                Log.SendFailed(_logger, LocalEndPoint.Port, ex.SocketErrorCode);
            }

            _sendFailing = true;
        }
        catch (ObjectDisposedException)
        {
            // The session is closing; the pacer may still hold it for one tick.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _receiving.ConfigureAwait(false);
        _stop.Dispose();
        _onDisposed();
    }

    private static bool IsTransient(SocketError error) => error is SocketError.ConnectionReset
        or SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable
        or SocketError.MessageSize;

    private async Task ReceiveLoopAsync(RtpDatagramHandler handler, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxDatagram];
        var source = new SocketAddress(_socket.AddressFamily);
        while (!cancellationToken.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, source, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex) when (IsTransient(ex.SocketErrorCode))
            {
                // An ICMP error for an earlier send (e.g. port unreachable) surfaces here; keep receiving.
                Log.ReceiveErrorIgnored(_logger, LocalEndPoint.Port, ex.SocketErrorCode);
                continue;
            }
            catch (SocketException ex)
            {
                if (!cancellationToken.IsCancellationRequested)
                {
                    Log.ReceiveStopped(_logger, LocalEndPoint.Port, ex.SocketErrorCode);
                }

                return;
            }

            Deliver(handler, buffer.AsSpan(0, length), source);
        }
    }

    private void Deliver(RtpDatagramHandler handler, ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        try
        {
            handler(datagram, source);
        }
#pragma warning disable CA1031 // A fault in handling one datagram must not end the call's receive loop; it is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.HandlerFailed(_logger, LocalEndPoint.Port, ex);
        }
    }
}
