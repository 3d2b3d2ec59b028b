using System.Net.Sockets;
using System.Text;

namespace Edge.Host.Systemd;

/// <summary>Sends sd_notify(3) state lines to the service manager over its unix datagram socket.</summary>
internal sealed class SystemdNotifier : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly UnixDomainSocketEndPoint _endPoint;

    public SystemdNotifier(string notifySocket)
    {
        ArgumentException.ThrowIfNullOrEmpty(notifySocket);

        // sd_notify(3): a leading '@' names a socket in the abstract namespace, which starts with a NUL byte.
        _endPoint = new UnixDomainSocketEndPoint(notifySocket[0] == '@' ? "\0" + notifySocket[1..] : notifySocket);
    }

    public async Task SendAsync(string state, CancellationToken cancellationToken)
    {
        var datagram = Encoding.UTF8.GetBytes(state);
        await _socket.SendToAsync(datagram, SocketFlags.None, _endPoint, cancellationToken);
    }

    public void Dispose() => _socket.Dispose();
}
