using System.Net;
using System.Net.Sockets;
using System.Text;
using Edge.Sip.Internal.Messages;
using Edge.Sip.Internal.Transport;

namespace Edge.Sip.Tests.Internal.Transport;

/// <summary>A SIP peer on one real TCP connection to the endpoint, framing what it reads as the product does.</summary>
internal sealed class TcpTestPeer : IDisposable
{
    private readonly TcpClient _client = new() { NoDelay = true };
    private readonly TcpFramer _framer = new();
    private readonly Queue<Frame> _frames = new();

    public TcpTestPeer(IPEndPoint target)
    {
        _client.Connect(target);
        _client.ReceiveTimeout = 5000;
    }

    public int Port => ((IPEndPoint)_client.Client.LocalEndPoint!).Port;

    public void Send(string text) => _client.GetStream().Write(Encoding.UTF8.GetBytes(text));

    public void SendBytes(byte[] bytes) => _client.GetStream().Write(bytes);

    /// <summary>Writes; false when the endpoint has closed the connection (reset or broken pipe).</summary>
    public bool TrySend(string text)
    {
        try
        {
            Send(text);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Reads whatever bytes come next, unframed (a keep-alive pong is a bare CRLF).</summary>
    public byte[] ReceiveRaw()
    {
        var buffer = new byte[8192];
        var read = _client.GetStream().Read(buffer);
        return buffer.AsSpan(0, read).ToArray();
    }

    public SipMessage Receive()
    {
        while (_frames.Count == 0)
        {
            var buffer = new byte[8192];
            var read = _client.GetStream().Read(buffer);
            if (read == 0)
            {
                throw new IOException("connection closed");
            }

            foreach (var frame in _framer.Feed(buffer.AsSpan(0, read)))
            {
                _frames.Enqueue(frame);
            }
        }

        var result = SipParser.Parse(_frames.Dequeue().Bytes);
        return result.Message ?? result.Partial!;
    }

    public SipMessage ReceiveStatus(int status)
    {
        while (true)
        {
            var message = Receive();
            if (!message.IsRequest && message.StatusCode == status)
            {
                return message;
            }
        }
    }

    /// <summary>
    /// Reads until the endpoint closes the connection (end of stream or reset): true; false when data arrives
    /// instead or nothing happens within the receive timeout.
    /// </summary>
    public bool IsClosedByEndpoint()
    {
        try
        {
            return _client.GetStream().Read(new byte[1]) == 0;
        }
        catch (IOException ex)
            when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            return true;
        }
        catch (IOException)
        {
            // The receive timeout: still open.
            return false;
        }
    }

    public static string Options(
        int sipPort, int peerPort, string callId, string contentLength = "Content-Length: 0\r\n") =>
        "OPTIONS sip:ivr@127.0.0.1:" + sipPort + " SIP/2.0\r\n" +
        "Via: SIP/2.0/TCP 127.0.0.1:" + peerPort + ";branch=z9hG4bK-" + callId + "\r\n" +
        "From: <sip:x@127.0.0.1>;tag=1\r\nTo: <sip:ivr@127.0.0.1>\r\nCall-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\n" +
        contentLength + "\r\n";

    public void Dispose() => _client.Dispose();
}
