using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Edge.Host.Tests.Telephony.Sip;

/// <summary>A hand-made SIP caller on 127.0.0.1 UDP: writes requests as text and reads what the gateway answers.</summary>
internal sealed class UdpSipPeer : IDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly IPEndPoint _target;
    private readonly string _callId = "peer-" + Guid.NewGuid().ToString("N");
    private string? _toTag;

    public UdpSipPeer(IPEndPoint target)
    {
        _target = target;
    }

    public int Port => ((IPEndPoint)_socket.Client.LocalEndPoint!).Port;

    public void Invite(string sdp) => Send(Request("INVITE", 1, "z9hG4bK-inv", sdp, "application/sdp"));

    /// <summary>Reads responses until the one with the status; remembers the To-tag of the dialog.</summary>
    public async Task<string> ReceiveStatusAsync(int status)
    {
        while (true)
        {
            var message = await ReceiveAsync();
            if (message.StartsWith("SIP/2.0 " + status.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
            {
                _toTag ??= TagOfTo(message);
                return message;
            }
        }
    }

    /// <summary>CANCEL for the INVITE (RFC 3261 §9.1: same branch, CSeq number and no To-tag).</summary>
    public void Cancel()
    {
        var toTag = _toTag;
        _toTag = null;
        Send(Request("CANCEL", 1, "z9hG4bK-inv", null, null));
        _toTag = toTag;
    }

    public void Ack() => Send(Request("ACK", 1, "z9hG4bK-ack", null, null));

    public void Info(int cseq, char digit) =>
        Send(Request("INFO", cseq, "z9hG4bK-info" + cseq, $"Signal={digit}\r\nDuration=160\r\n", "application/dtmf-relay"));

    public void Bye(int cseq) => Send(Request("BYE", cseq, "z9hG4bK-bye" + cseq, null, null));

    public async Task<string> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var result = await _socket.ReceiveAsync(timeout.Token);
        return Encoding.UTF8.GetString(result.Buffer);
    }

    public void Dispose() => _socket.Dispose();

    private void Send(string text) => _socket.Send(Encoding.UTF8.GetBytes(text), _target);

    private string Request(string method, int cseq, string branch, string? body, string? type)
    {
        var uri = $"sip:ivr@127.0.0.1:{_target.Port}";
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{method} {uri} SIP/2.0\r\n")
            .Append(CultureInfo.InvariantCulture, $"Via: SIP/2.0/UDP 127.0.0.1:{Port};branch={branch};rport\r\n")
            .Append(CultureInfo.InvariantCulture, $"From: <sip:anonymous@anonymous.invalid>;tag=peer1\r\n")
            .Append(CultureInfo.InvariantCulture, $"To: <{uri}>{(_toTag is null ? string.Empty : ";tag=" + _toTag)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Call-ID: {_callId}\r\n")
            .Append(CultureInfo.InvariantCulture, $"CSeq: {cseq} {method}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Contact: <sip:peer@127.0.0.1:{Port}>\r\n")
            .Append("Max-Forwards: 70\r\n");
        if (type is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Content-Type: {type}\r\n");
        }

        var bytes = body is null ? 0 : Encoding.UTF8.GetByteCount(body);
        text.Append(CultureInfo.InvariantCulture, $"Content-Length: {bytes}\r\n\r\n").Append(body);
        return text.ToString();
    }

    private static string? TagOfTo(string message)
    {
        var line = message.Split("\r\n").FirstOrDefault(l => l.StartsWith("To:", StringComparison.OrdinalIgnoreCase));
        var at = line?.IndexOf(";tag=", StringComparison.Ordinal) ?? -1;
        return at < 0 ? null : line![(at + 5)..].Split(';')[0].Trim();
    }
}
