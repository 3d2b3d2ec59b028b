using System.Net;
using System.Net.Sockets;
using System.Text;
using Edge.Sip.Internal.Messages;

namespace Edge.Sip.Tests.Support;

/// <summary>A raw SIP peer on 127.0.0.1 over UDP: sends text, receives and parses what comes back.</summary>
internal sealed class SipPeer : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public SipPeer()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public IPEndPoint LastSource { get; private set; } = new(IPAddress.None, 0);

    public void Send(string text, IPEndPoint to) => _socket.SendTo(Encoding.UTF8.GetBytes(text), to);

    /// <summary>The next message, or null after <paramref name="timeoutMs"/> of real time without one.</summary>
    public SipMessage? TryReceive(int timeoutMs = 2000)
    {
        var buffer = new byte[65_536];
        _socket.ReceiveTimeout = timeoutMs;
        try
        {
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            var read = _socket.ReceiveFrom(buffer, ref from);
            LastSource = (IPEndPoint)from;
            var result = SipParser.Parse(buffer.AsSpan(0, read));

            // A 400 to a malformed request echoes the malformed header, so accept a partial parse of responses.
            var message = result.Message ?? result.Partial;
            Assert.True(message is not null, "unparseable message from the endpoint: " + result.Reason);
            return message;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.TimedOut || ex.SocketErrorCode == SocketError.WouldBlock)
        {
            return null;
        }
    }

    public SipMessage Receive(int timeoutMs = 2000) => TryReceive(timeoutMs) ?? throw new TimeoutException("no SIP message arrived");

    /// <summary>Receives until a response with <paramref name="status"/> arrives (skipping others).</summary>
    public SipMessage ReceiveStatus(int status, int timeoutMs = 2000)
    {
        for (var i = 0; i < 20; i++)
        {
            var message = Receive(timeoutMs);
            if (!message.IsRequest && message.StatusCode == status)
            {
                return message;
            }
        }

        throw new TimeoutException("status never arrived");
    }

    public SipMessage ReceiveRequest(string method, int timeoutMs = 2000)
    {
        for (var i = 0; i < 20; i++)
        {
            var message = Receive(timeoutMs);
            if (message.Method == method)
            {
                return message;
            }
        }

        throw new TimeoutException("request never arrived");
    }

    /// <summary>Drains what is already queued, so the next receive sees only new traffic.</summary>
    public List<SipMessage> Drain(int timeoutMs = 100)
    {
        var list = new List<SipMessage>();
        while (TryReceive(timeoutMs) is { } message)
        {
            list.Add(message);
        }

        return list;
    }

    public void Dispose() => _socket.Dispose();
}
