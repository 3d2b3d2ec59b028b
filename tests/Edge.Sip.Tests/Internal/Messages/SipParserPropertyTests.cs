using System.Text;
using CsCheck;
using Edge.Sip.Internal.Messages;

namespace Edge.Sip.Tests.Internal.Messages;

public sealed class SipParserPropertyTests
{
    private const string Head =
        "INVITE sip:ivr@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1\r\n" +
        "From: <sip:a@10.0.0.1>;tag=1\r\nTo: <sip:b@127.0.0.1>\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\n";

    [Fact]
    public void Parse_ArbitraryBytes_NeverThrows()
    {
        Gen.Byte.Array[0, 2000].Sample(bytes => _ = SipParser.Parse(bytes), iter: 5000);
    }

    [Fact]
    public void Parse_MutatedValidMessage_NeverThrows()
    {
        var valid = Encoding.UTF8.GetBytes(Head + "Content-Length: 4\r\n\r\nbody");
        var special = "\r\n:;,<>\" \t@%[]"u8.ToArray();
        var gen = Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte, Gen.Int[0, 3]);
        gen.Array[1, 8].Sample(mutations =>
        {
            var copy = (byte[])valid.Clone();
            foreach (var (index, value, kind) in mutations)
            {
                copy[index] = kind == 0 ? value : special[value % special.Length];
            }

            _ = SipParser.Parse(copy);
        }, iter: 5000);
    }

    [Fact]
    public void SerializeParse_GeneratedHeadersAndBody_RoundTrips()
    {
        var name = Gen.String[Gen.Char['a', 'z'], 1, 12].Select(s => "X-" + s);
        var value = Gen.String[Gen.Char[' ', '~'], 0, 60].Select(s => s.Trim());
        var header = Gen.Select(name, value);
        Gen.Select(header.Array[0, 10], Gen.Byte.Array[0, 300]).Sample((headers, body) =>
        {
            var message = SipParser.Parse(Encoding.UTF8.GetBytes(Head + "\r\n")).Message!;
            foreach (var (n, v) in headers)
            {
                message.Add(n, v);
            }

            message.Body = body;
            var again = SipParser.Parse(SipSerializer.Serialize(message));

            Assert.True(again.IsSuccess);
            Assert.Equal(message.Headers, again.Message!.Headers.Where(h => h.Name != HeaderNames.ContentLength));
            Assert.Equal(body, again.Message.Body);
        }, iter: 2000);
    }
}
