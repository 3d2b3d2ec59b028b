using System.Text;
using Edge.Sip.Tests.Support;

namespace Edge.Sip.Tests;

/// <summary>
/// Messages in the spirit of the RFC 4475 torture tests, written for this project: unusual but valid ones must
/// be answered normally; invalid ones must get the right 4xx or be dropped, and the endpoint must keep working.
/// </summary>
public sealed class SipEndpointTortureTests
{
    private static string Head(EndpointHarness h, string method, string callId) =>
        method + " sip:ivr@127.0.0.1:" + h.Port + " SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 127.0.0.1:" + h.Peer.Port + ";branch=z9hG4bK-" + callId + ";rport\r\n";

    private static string Valid(EndpointHarness h, string callId) =>
        Head(h, "OPTIONS", callId) +
        "TO :\r\n <sip:ivr@127.0.0.1> ;   tag = \r\n".Replace(";   tag = \r\n", "\r\n", StringComparison.Ordinal) +
        "from   : \"J \\\"Q\\\" \\\\ Public\"\r\n\t<sip:%6aq@127.0.0.1>;tag=t1\r\n" +
        "i:\tweird-" + callId + "@127.0.0.1\r\n" +
        "cseq: \t 0009\r\n   OPTIONS\r\n" +
        "Max-Forwards: 068\r\n" +
        "X-Unknown-Header: newfangled value\r\n continued newfangled value\r\n" +
        "UnknownHeaderWithUnusualValue: ;;,,;;,;\r\n" +
        "X-Long: " + new string('x', 4000) + "\r\n" +
        "Subject:\r\n" +
        "Contact: <sip:c@[2001:db8::9]:5070;transport=udp>;expires=30, \"x,y\" <sip:d@127.0.0.1>\r\n" +
        "l: 0\r\n\r\n";

    [Fact]
    public async Task UnusualButValidOptions_Answered200()
    {
        await using var h = await EndpointHarness.StartAsync();

        h.Send(Valid(h, "wsinv"));
        var response = h.Peer.Receive();

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("weird-wsinv@127.0.0.1", response.CallId);
    }

    [Fact]
    public async Task EscapedRequestUriAndOddSpacing_Answered200()
    {
        await using var h = await EndpointHarness.StartAsync();
        var text = "OPTIONS  sip:%69vr@127.0.0.1:" + h.Port + ";lr;unknownparam  SIP/2.0\r\n" +
            "Via: SIP / 2.0 / UDP 127.0.0.1:" + h.Peer.Port + " ; branch = z9hG4bK-esc ; rport\r\n" +
            "From: sip:caller@127.0.0.1;tag=abc\r\nTo: sip:ivr@127.0.0.1\r\nCall-ID: esc\r\nCSeq: 1 OPTIONS\r\n\r\n";

        h.Send(text);

        Assert.Equal(200, h.Peer.Receive().StatusCode);
    }

    [Theory]
    [InlineData("Content-Length: 0\r\n", "Content-Length: -999\r\n")]
    [InlineData("Content-Length: 0\r\n", "Content-Length: 0\r\nContent-Length: 12\r\n")]
    [InlineData("Max-Forwards: 70\r\n", "Max-Forwards: seventy\r\n")]
    [InlineData("CSeq: 1 OPTIONS\r\n", "CSeq: 1\r\n")]
    [InlineData("CSeq: 1 OPTIONS\r\n", "CSeq: x OPTIONS\r\n")]
    [InlineData("From: <sip:caller@127.0.0.1>;tag=f", "From: \"unterminated <sip:caller@127.0.0.1>;tag=f")]
    [InlineData("Max-Forwards: 70\r\n", "Max-Forwards: 70\r\nThis line has no colon\r\n")]
    [InlineData("OPTIONS sip:ivr@127.0.0.1", "OPTIONS sip:ivr@127.0.0.1 with spaces")]
    [InlineData("OPTIONS sip:ivr@127.0.0.1", "OPTIONS sip:ivr@127.0.0.1:99999")]
    [InlineData("Via: SIP/2.0/UDP", "Via: SIP/2.0/UDP %%%")]
    public async Task Invalid_400AndEndpointKeepsWorking(string find, string replace)
    {
        await using var h = await EndpointHarness.StartAsync();
        var text = Head(h, "OPTIONS", "bad") +
            "Max-Forwards: 70\r\nFrom: <sip:caller@127.0.0.1>;tag=f\r\nTo: <sip:ivr@127.0.0.1>\r\nCall-ID: bad\r\n" +
            "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        Assert.Contains(find, text, StringComparison.Ordinal);

        h.Send(text.Replace(find, replace, StringComparison.Ordinal));
        var response = h.Peer.TryReceive(1000);

        Assert.Equal(400, response?.StatusCode);

        h.Send(Valid(h, "after"));
        Assert.Equal(200, h.Peer.ReceiveStatus(200).StatusCode);
    }

    [Fact]
    public async Task UnknownUriScheme_416()
    {
        await using var h = await EndpointHarness.StartAsync();
        var text = Head(h, "OPTIONS", "scheme").Replace("sip:ivr@127.0.0.1:" + h.Port, "nosuchscheme:ivr", StringComparison.Ordinal) +
            "From: <sip:caller@127.0.0.1>;tag=f\r\nTo: <sip:ivr@127.0.0.1>\r\nCall-ID: scheme\r\nCSeq: 1 OPTIONS\r\n\r\n";

        h.Send(text);

        Assert.Equal(416, h.Peer.Receive().StatusCode);
    }

    [Fact]
    public async Task GarbageAndEmptyDatagrams_DroppedAndEndpointKeepsWorking()
    {
        await using var h = await EndpointHarness.StartAsync();
        var random = new Random(4475);
        for (var i = 0; i < 50; i++)
        {
            var bytes = new byte[random.Next(0, 1500)];
            random.NextBytes(bytes);
            h.Peer.Send(Encoding.Latin1.GetString(bytes), h.Target);
        }

        h.Send("\r\n\r\n");
        h.Send(Valid(h, "alive"));

        Assert.Equal("weird-alive@127.0.0.1", h.Peer.ReceiveStatus(200).CallId);
    }

    [Fact]
    public async Task ResponseForUnknownTransaction_Ignored()
    {
        await using var h = await EndpointHarness.StartAsync();
        var response = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:" + h.Port + ";branch=z9hG4bK-none\r\n" +
            "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:b@127.0.0.1>;tag=2\r\nCall-ID: stray\r\nCSeq: 5 BYE\r\nContent-Length: 0\r\n\r\n";

        h.Send(response);
        h.Send(Valid(h, "stray"));

        Assert.Equal(200, h.Peer.Receive().StatusCode);
    }
}
