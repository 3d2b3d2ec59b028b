using System.Text;
using Edge.Sip.Internal.Messages;
using Edge.Sip.Internal.Transport;

namespace Edge.Sip.Tests.Internal.Transport;

public sealed class TcpFramerTests
{
    private static readonly string Body = "Signal=5 é€";

    private static readonly string Info =
        "INFO sip:ivr@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5070;branch=z9hG4bK1\r\n" +
        "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:b@127.0.0.1>;tag=2\r\nCall-ID: c\r\nCSeq: 2 INFO\r\n" +
        "Content-Type: application/dtmf-relay\r\nContent-Length: " + Encoding.UTF8.GetByteCount(Body) + "\r\n\r\n" + Body;

    [Fact]
    public void Feed_SplitAtEveryByteOffset_YieldsTheSameMessage()
    {
        var bytes = Encoding.UTF8.GetBytes(Info);
        for (var split = 1; split < bytes.Length; split++)
        {
            var framer = new TcpFramer();
            var frames = framer.Feed(bytes.AsSpan(0, split));
            frames.AddRange(framer.Feed(bytes.AsSpan(split)));

            var frame = Assert.Single(frames);
            Assert.Equal(FrameKind.Message, frame.Kind);
            Assert.Equal(bytes, frame.Bytes);
        }
    }

    [Fact]
    public void Feed_OneByteAtATime_YieldsMessageWithMultiByteBody()
    {
        var framer = new TcpFramer();
        var frames = new List<Frame>();
        foreach (var b in Encoding.UTF8.GetBytes(Info))
        {
            frames.AddRange(framer.Feed([b]));
        }

        var message = SipParser.Parse(Assert.Single(frames).Bytes).Message!;
        Assert.Equal(Body, Encoding.UTF8.GetString(message.Body));
    }

    [Fact]
    public void Feed_TwoMessagesInOneSegmentWithKeepAlives_YieldsBothAndAPing()
    {
        var text = "\r\n" + Info + "\r\n" + Info + "\r\n\r\n";

        var frames = new TcpFramer().Feed(Encoding.UTF8.GetBytes(text));

        Assert.Equal([FrameKind.Message, FrameKind.Message, FrameKind.Ping], frames.Select(f => f.Kind));
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("abc")]
    [InlineData("99999999")]
    public void Feed_BadContentLength_BadLength(string length)
    {
        var original = "Content-Length: " + Encoding.UTF8.GetByteCount(Body);
        var text = Info.Replace(original, "Content-Length: " + length, StringComparison.Ordinal);

        var frames = new TcpFramer().Feed(Encoding.UTF8.GetBytes(text));

        Assert.Equal(FrameKind.BadLength, Assert.Single(frames).Kind);
    }

    [Fact]
    public void Feed_EndlessHead_TooLarge()
    {
        var framer = new TcpFramer();
        var chunk = Encoding.UTF8.GetBytes("X-Long: " + new string('a', 1000) + "\r\n");
        var frames = new List<Frame>();
        for (var i = 0; i < 80 && frames.Count == 0; i++)
        {
            frames.AddRange(framer.Feed(chunk));
        }

        Assert.Equal(FrameKind.TooLarge, Assert.Single(frames).Kind);
    }

    [Fact]
    public void Feed_HeadWithoutContentLength_BadLength()
    {
        var length = "Content-Length: " + Encoding.UTF8.GetByteCount(Body) + "\r\n";
        var text = Info.Replace(length, "", StringComparison.Ordinal);

        var frames = new TcpFramer().Feed(Encoding.UTF8.GetBytes(text));

        Assert.Equal(FrameKind.BadLength, Assert.Single(frames).Kind);
    }

    [Fact]
    public void Feed_AfterBadLength_YieldsNothingMore()
    {
        var framer = new TcpFramer();
        var length = "Content-Length: " + Encoding.UTF8.GetByteCount(Body);
        var bad = Info.Replace(length, "Content-Length: -1", StringComparison.Ordinal);
        Assert.Equal(FrameKind.BadLength, Assert.Single(framer.Feed(Encoding.UTF8.GetBytes(bad))).Kind);

        var frames = framer.Feed(Encoding.UTF8.GetBytes(Info));

        Assert.Empty(frames);
        Assert.False(framer.HasPartialMessage);
    }

    [Fact]
    public void HasPartialMessage_HeadStartedOrOnlyKeepAlive_TrueOnlyForTheHead()
    {
        var framer = new TcpFramer();
        framer.Feed("\r\n"u8);
        Assert.False(framer.HasPartialMessage);

        framer.Feed("\r\nOPTIONS sip:a@127.0.0.1 SIP/2.0\r\n"u8);
        Assert.True(framer.HasPartialMessage);

        framer.Feed(Encoding.UTF8.GetBytes(Info[Info.IndexOf("Via", StringComparison.Ordinal)..]));
        Assert.False(framer.HasPartialMessage);
    }

    [Fact]
    public void Feed_TwoContentLengths_BadLength()
    {
        // The parser refuses two Content-Lengths; framing by the first would read the body as the next request.
        var length = "Content-Length: " + Encoding.UTF8.GetByteCount(Body);
        var text = Info.Replace(length, "Content-Length: 0\r\n" + length, StringComparison.Ordinal);

        var frames = new TcpFramer().Feed(Encoding.UTF8.GetBytes(text));

        Assert.Equal(FrameKind.BadLength, Assert.Single(frames).Kind);
    }

    [Fact]
    public void Feed_CrLfCrThenEndlessBytes_TooLarge()
    {
        var framer = new TcpFramer();
        framer.Feed("\r\n\r"u8);
        var chunk = new byte[8192];
        chunk.AsSpan().Fill((byte)'X');
        var frames = new List<Frame>();
        for (var i = 0; i < 10 && frames.Count == 0; i++)
        {
            frames.AddRange(framer.Feed(chunk));
        }

        Assert.Equal(FrameKind.TooLarge, Assert.Single(frames).Kind);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\r\n\r")]
    public void HasPartialMessage_OnlyTheStartOfAPing_False(string held)
    {
        var framer = new TcpFramer();

        framer.Feed(Encoding.ASCII.GetBytes(held));

        Assert.False(framer.HasPartialMessage);
    }

    [Theory]
    [InlineData("\rOPTIONS sip:a@127.0.0.1 SIP/2.0\r\n")]
    [InlineData("\r\n\rOPTIONS sip:a@127.0.0.1 SIP/2.0\r\n")]
    public void HasPartialMessage_HeadAfterStrayCarriageReturn_True(string held)
    {
        var framer = new TcpFramer();

        framer.Feed(Encoding.ASCII.GetBytes(held));

        Assert.True(framer.HasPartialMessage);
    }
}
