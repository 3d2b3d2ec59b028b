using System.Text;
using Edge.Sip.Internal.Messages;

namespace Edge.Sip.Tests.Support;

/// <summary>Raw SIP text for tests, written the way a real caller would send it.</summary>
internal static class SipText
{
    /// <summary>A caller number seeded into tests; it must never show up in a log line.</summary>
    public const string CallerNumber = "0612345678";

    public static string Sdp(int rtpPort = 30000, string media = "m=audio {0} RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\n",
        string extra = "", string address = "127.0.0.1") =>
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 " + address + "\r\nt=0 0\r\n" + string.Format(null, media, rtpPort) + extra;

    public static string Invite(int sipPort, int peerPort, string callId, string branch = "z9hG4bK-inv1", string? body = null,
        string extraHeaders = "", string transport = "UDP", int cseq = 1, string fromTag = "caller1")
    {
        body ??= Sdp();
        return "INVITE sip:ivr@127.0.0.1:" + sipPort + " SIP/2.0\r\n" +
            "Via: SIP/2.0/" + transport + " 127.0.0.1:" + peerPort + ";branch=" + branch + ";rport\r\n" +
            "Max-Forwards: 70\r\n" +
            "From: \"Jan\" <sip:" + CallerNumber + "@127.0.0.1>;tag=" + fromTag + "\r\n" +
            "To: <sip:ivr@127.0.0.1>\r\n" +
            "Call-ID: " + callId + "\r\n" +
            "CSeq: " + cseq + " INVITE\r\n" +
            "Contact: <sip:" + CallerNumber + "@127.0.0.1:" + peerPort + (transport == "TCP" ? ";transport=tcp" : "") + ">\r\n" +
            extraHeaders +
            (body.Length > 0 ? "Content-Type: application/sdp\r\n" : string.Empty) +
            "Content-Length: " + Encoding.UTF8.GetByteCount(body) + "\r\n\r\n" + body;
    }

    /// <summary>A request inside the dialog that <paramref name="response"/> (a 2xx or 18x with our tag) set up.</summary>
    public static string InDialog(string method, SipMessage response, int sipPort, int peerPort, int cseq, string branch,
        string body = "", string contentType = "", string extraHeaders = "", string transport = "UDP")
    {
        return method + " sip:ivr@127.0.0.1:" + sipPort + " SIP/2.0\r\n" +
            "Via: SIP/2.0/" + transport + " 127.0.0.1:" + peerPort + ";branch=" + branch + ";rport\r\n" +
            "Max-Forwards: 70\r\n" +
            "From: " + response.Get(HeaderNames.From) + "\r\n" +
            "To: " + response.Get(HeaderNames.To) + "\r\n" +
            "Call-ID: " + response.CallId + "\r\n" +
            "CSeq: " + cseq + " " + method + "\r\n" +
            "Contact: <sip:" + CallerNumber + "@127.0.0.1:" + peerPort + ">\r\n" +
            extraHeaders +
            (contentType.Length > 0 ? "Content-Type: " + contentType + "\r\n" : string.Empty) +
            "Content-Length: " + Encoding.UTF8.GetByteCount(body) + "\r\n\r\n" + body;
    }

    /// <summary>The ACK for a 2xx: a new branch, the CSeq number of the INVITE.</summary>
    public static string Ack(SipMessage response, int sipPort, int peerPort, int cseq = 1, string body = "", string branch = "z9hG4bK-ack1",
        string transport = "UDP") =>
        InDialog("ACK", response, sipPort, peerPort, cseq, branch, body, body.Length > 0 ? "application/sdp" : "", transport: transport);

    /// <summary>A response to a request we received (a BYE, REFER ...).</summary>
    public static string Response(SipMessage request, int status, string reason, string extraHeaders = "", string toTag = "caller-to")
    {
        var builder = new StringBuilder("SIP/2.0 " + status + " " + reason + "\r\n");
        foreach (var via in request.GetAll(HeaderNames.Via))
        {
            builder.Append("Via: ").Append(via).Append("\r\n");
        }

        var to = request.Get(HeaderNames.To)!;
        builder.Append("From: ").Append(request.Get(HeaderNames.From)).Append("\r\n")
            .Append("To: ").Append(to.Contains("tag=", StringComparison.Ordinal) ? to : to + ";tag=" + toTag).Append("\r\n")
            .Append("Call-ID: ").Append(request.CallId).Append("\r\n")
            .Append("CSeq: ").Append(request.Get(HeaderNames.CSeq)).Append("\r\n")
            .Append(extraHeaders)
            .Append("Content-Length: 0\r\n\r\n");
        return builder.ToString();
    }
}
