using System.Text;
using Edge.Sip.Internal.Messages;

namespace Edge.Sip.Tests.Internal.Messages;

public sealed class SipParserTests
{
    private const string Invite =
        "INVITE sip:ivr@127.0.0.1 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-1;rport\r\n" +
        "From: \"Caller\" <sip:caller@10.0.0.1>;tag=abc\r\n" +
        "To: <sip:ivr@127.0.0.1>\r\n" +
        "Call-ID: call-1@10.0.0.1\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Max-Forwards: 70\r\n" +
        "Content-Length: 0\r\n\r\n";

    private static ParseResult Parse(string text) => SipParser.Parse(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Parse_ValidInvite_ReadsStartLineAndHeaders()
    {
        var result = Parse(Invite);

        Assert.True(result.IsSuccess);
        var message = result.Message!;
        Assert.Equal("INVITE", message.Method);
        Assert.Equal("sip:ivr@127.0.0.1", message.RequestUri);
        Assert.Equal("call-1@10.0.0.1", message.CallId);
        Assert.True(NameAddress.TryParse(message.Get(HeaderNames.From), out var from));
        Assert.Equal("Caller", from.DisplayName);
        Assert.Equal("abc", from.Tag);
    }

    [Fact]
    public void Parse_CompactAndMixedCaseNames_MapToCanonical()
    {
        var text = "OPTIONS sip:ivr@127.0.0.1 SIP/2.0\r\n" +
            "v: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK-a, SIP/2.0/TCP 10.0.0.2:5070;branch=z9hG4bK-b\r\n" +
            "f: <sip:a@10.0.0.1>;tag=1\r\nt: <sip:b@127.0.0.1>\r\ni: x\r\ncseq: 2 OPTIONS\r\nl: 0\r\n" +
            "k: foo\r\nCONTENT-type: application/sdp\r\n\r\n";

        var message = Parse(text).Message!;

        Assert.Equal(2, message.GetAll(HeaderNames.Via).Count());
        Assert.Equal("foo", message.Get(HeaderNames.Supported));
        Assert.Equal("application/sdp", message.Get(HeaderNames.ContentType));
    }

    [Fact]
    public void Parse_FoldedHeader_JoinsWithSingleSpace()
    {
        var text = Invite.Replace("Max-Forwards: 70\r\n", "Subject: first\r\n   second\r\n\tthird\r\nMax-Forwards: 70\r\n",
            StringComparison.Ordinal);

        var message = Parse(text).Message!;

        Assert.Equal("first second third", message.Get(HeaderNames.Subject));
    }

    [Fact]
    public void Parse_RepeatedHeaders_EqualCommaList()
    {
        var repeated = Invite.Replace("Max-Forwards: 70\r\n",
            "Record-Route: <sip:p1@10.0.0.9;lr>\r\nRecord-Route: <sip:p2@10.0.0.8;lr>\r\n", StringComparison.Ordinal);
        var comma = Invite.Replace("Max-Forwards: 70\r\n",
            "Record-Route: <sip:p1@10.0.0.9;lr>, <sip:p2@10.0.0.8;lr>\r\n", StringComparison.Ordinal);

        var a = Parse(repeated).Message!.GetAll(HeaderNames.RecordRoute).ToList();
        var b = Parse(comma).Message!.GetAll(HeaderNames.RecordRoute).ToList();

        Assert.Equal(a, b);
        Assert.Equal(2, a.Count);
    }

    [Fact]
    public void Parse_CommaInsideQuotesOrAngles_IsNotASeparator()
    {
        var text = Invite.Replace("Max-Forwards: 70\r\n",
            "Contact: \"Doe, \\\"J\\\"\" <sip:a@10.0.0.1;x=a,b>;expires=5\r\n", StringComparison.Ordinal);

        var contacts = Parse(text).Message!.GetAll(HeaderNames.Contact).ToList();

        Assert.Single(contacts);
        Assert.True(NameAddress.TryParse(contacts[0], out var contact));
        Assert.Equal("Doe, \"J\"", contact.DisplayName);
        Assert.Equal("5", contact.Parameter("expires"));
    }

    [Fact]
    public void Parse_ContentLengthInBytes_ReadsMultiByteBody()
    {
        var body = "Signal=é€";
        var length = Encoding.UTF8.GetByteCount(body);
        var text = Invite.Replace("Content-Length: 0", "Content-Length: " + length, StringComparison.Ordinal) + body;

        var message = Parse(text).Message!;

        Assert.Equal(body, Encoding.UTF8.GetString(message.Body));
    }

    [Fact]
    public void Parse_ContentLengthShorterThanDatagram_TruncatesBody()
    {
        var text = Invite.Replace("Content-Length: 0", "Content-Length: 2", StringComparison.Ordinal) + "abcdef";

        Assert.Equal("ab", Encoding.UTF8.GetString(Parse(text).Message!.Body));
    }

    [Theory]
    [InlineData("Content-Length: 99", (int)ParseError.BadContentLength)]
    [InlineData("Content-Length: -1", (int)ParseError.BadContentLength)]
    [InlineData("Content-Length: abc", (int)ParseError.BadContentLength)]
    [InlineData("Content-Length: 99999999999999999999", (int)ParseError.BadContentLength)]
    public void Parse_InvalidContentLength_FailsWithPartialForA400(string replacement, int expected)
    {
        var result = Parse(Invite.Replace("Content-Length: 0", replacement, StringComparison.Ordinal));

        Assert.False(result.IsSuccess);
        Assert.Equal((ParseError)expected, result.Error);
        Assert.NotNull(result.Partial?.Get(HeaderNames.Via));
        Assert.Equal("Bad Content-Length", result.Reason);
    }

    [Theory]
    [InlineData("CSeq: 1 INVITE\r\n", "CSeq: 1 OPTIONS\r\n", (int)ParseError.CSeqMethodMismatch)]
    [InlineData("CSeq: 1 INVITE\r\n", "CSeq: -1 INVITE\r\n", (int)ParseError.BadHeaderValue)]
    [InlineData("CSeq: 1 INVITE\r\n", "CSeq: 4294967296 INVITE\r\n", (int)ParseError.BadHeaderValue)]
    [InlineData("Call-ID: call-1@10.0.0.1\r\n", "", (int)ParseError.MissingHeader)]
    [InlineData("From: \"Caller\" <sip:caller@10.0.0.1>;tag=abc\r\n", "From: <sip:caller@10.0.0.1\r\n",
        (int)ParseError.BadHeaderValue)]
    [InlineData("Max-Forwards: 70\r\n", "Bad Header Line\r\n", (int)ParseError.BadHeader)]
    [InlineData("INVITE sip:ivr@127.0.0.1 SIP/2.0", "INVITE sip:ivr@127.0.0.1", (int)ParseError.BadStartLine)]
    [InlineData("INVITE sip:ivr@127.0.0.1 SIP/2.0", "INVITE sip:ivr@[::1 SIP/2.0", (int)ParseError.BadStartLine)]
    public void Parse_InvalidMessage_ReturnsReason(string find, string replace, int expected)
    {
        var result = Parse(Invite.Replace(find, replace, StringComparison.Ordinal));

        Assert.False(result.IsSuccess);
        Assert.Equal((ParseError)expected, result.Error);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }

    [Fact]
    public void Parse_TooLarge_Fails()
    {
        var text = Invite.Replace("Content-Length: 0", "Subject: " + new string('a', 70_000), StringComparison.Ordinal);

        Assert.Equal(ParseError.TooLarge, Parse(text).Error);
    }

    [Fact]
    public void Parse_TooManyHeaders_Fails()
    {
        var many = string.Concat(Enumerable.Repeat("X-A: 1\r\n", SipLimits.MaxHeaders + 1));

        Assert.Equal(ParseError.TooManyHeaders, Parse(Invite.Replace("Max-Forwards: 70\r\n", many, StringComparison.Ordinal)).Error);
    }

    [Fact]
    public void Parse_LineTooLong_Fails()
    {
        var text = Invite.Replace("Max-Forwards: 70", "Subject: " + new string('a', SipLimits.MaxLineLength),
            StringComparison.Ordinal);

        Assert.Equal(ParseError.LineTooLong, Parse(text).Error);
    }

    [Fact]
    public void Parse_Response_ReadsStatusAndReason()
    {
        var text = "SIP/2.0 180 Ringing Now\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1\r\n" +
            "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:b@127.0.0.1>;tag=2\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\n\r\n";

        var message = Parse(text).Message!;

        Assert.False(message.IsRequest);
        Assert.Equal(180, message.StatusCode);
        Assert.Equal("Ringing Now", message.ReasonPhrase);
    }

    [Fact]
    public void Serialize_ThenParse_RoundTrips()
    {
        var original = Parse(Invite.Replace("Content-Length: 0", "Content-Length: 3", StringComparison.Ordinal) + "abc")
            .Message!;

        var again = SipParser.Parse(SipSerializer.Serialize(original)).Message!;

        Assert.Equal(original.Headers, again.Headers);
        Assert.Equal(original.Body, again.Body);
        Assert.Equal(original.RequestUri, again.RequestUri);
    }
}
