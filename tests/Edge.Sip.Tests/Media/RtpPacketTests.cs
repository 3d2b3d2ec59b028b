using Edge.Sip.Media;

namespace Edge.Sip.Tests.Media;

public sealed class RtpPacketTests
{
    [Fact]
    public void Parse_HandWrittenPacket_ReadsEveryField()
    {
        byte[] datagram =
        [
            0x80, 0xE0, 0x12, 0x34, // V=2, M=1, PT=96, seq 0x1234
            0xDE, 0xAD, 0xBE, 0xEF, // timestamp
            0x01, 0x02, 0x03, 0x04, // SSRC
            0xAA, 0xBB,             // payload
        ];

        var result = RtpPacket.Parse(datagram);

        Assert.True(result.IsValid);
        Assert.True(result.Header.Marker);
        Assert.Equal(96, result.Header.PayloadType);
        Assert.Equal(0x1234, result.Header.SequenceNumber);
        Assert.Equal(0xDEADBEEFu, result.Header.Timestamp);
        Assert.Equal(0x01020304u, result.Header.Ssrc);
        Assert.Equal(12, result.PayloadOffset);
        Assert.Equal(2, result.PayloadLength);
    }

    [Fact]
    public void WriteThenParse_WithCsrcsExtensionAndPadding_RoundTrips()
    {
        var header = new RtpHeader
        {
            Marker = true,
            PayloadType = 8,
            SequenceNumber = 65535,
            Timestamp = uint.MaxValue,
            Ssrc = 0x11223344,
            Csrcs = new uint[] { 1, 2, 0xFFFFFFFF },
            HasExtension = true,
            ExtensionProfile = 0xBEDE,
            ExtensionData = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 },
        };
        byte[] payload = [9, 8, 7, 6, 5];
        var buffer = new byte[200];

        var written = RtpPacket.Write(header, payload, paddingLength: 3, buffer);
        var result = RtpPacket.Parse(buffer.AsSpan(0, written));

        Assert.Equal(RtpPacket.GetHeaderLength(header) + payload.Length + 3, written);
        Assert.True(result.IsValid);
        Assert.Equal(header.Marker, result.Header.Marker);
        Assert.Equal(header.PayloadType, result.Header.PayloadType);
        Assert.Equal(header.SequenceNumber, result.Header.SequenceNumber);
        Assert.Equal(header.Timestamp, result.Header.Timestamp);
        Assert.Equal(header.Ssrc, result.Header.Ssrc);
        Assert.Equal(header.Csrcs.ToArray(), result.Header.Csrcs.ToArray());
        Assert.True(result.Header.HasExtension);
        Assert.Equal(header.ExtensionProfile, result.Header.ExtensionProfile);
        Assert.Equal(header.ExtensionData.ToArray(), result.Header.ExtensionData.ToArray());
        Assert.Equal(3, result.PaddingLength);
        Assert.Equal(payload, buffer.AsSpan(result.PayloadOffset, result.PayloadLength).ToArray());
    }

    [Fact]
    public void WriteThenParse_PlainHeader_RoundTripsWithoutOptionalParts()
    {
        var header = new RtpHeader { PayloadType = 0, SequenceNumber = 7, Timestamp = 160, Ssrc = 42 };
        var buffer = new byte[12 + 160];

        var written = RtpPacket.Write(header, new byte[160], 0, buffer);
        var result = RtpPacket.Parse(buffer.AsSpan(0, written));

        Assert.Equal(172, written);
        Assert.Equal(0x80, buffer[0]);
        Assert.False(result.Header.Marker);
        Assert.False(result.Header.HasExtension);
        Assert.True(result.Header.Csrcs.IsEmpty);
        Assert.Equal(160, result.PayloadLength);
    }

    [Fact]
    public void Write_DestinationTooSmall_ReturnsZero()
    {
        var header = new RtpHeader { PayloadType = 0 };

        Assert.Equal(0, RtpPacket.Write(header, new byte[160], 0, new byte[100]));
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, RtpParseStatus.TooShort)]
    [InlineData(new byte[] { 0x40, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, RtpParseStatus.UnsupportedVersion)]
    [InlineData(new byte[] { 0x82, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4 }, RtpParseStatus.TruncatedCsrcList)]
    [InlineData(new byte[] { 0x90, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE, 0xDE }, RtpParseStatus.TruncatedExtension)]
    [InlineData(new byte[] { 0x90, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE, 0xDE, 0, 2, 1, 2, 3, 4 },
        RtpParseStatus.TruncatedExtension)]
    [InlineData(new byte[] { 0xA0, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0 }, RtpParseStatus.InvalidPadding)]
    [InlineData(new byte[] { 0xA0, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3 }, RtpParseStatus.InvalidPadding)]
    public void Parse_Malformed_ReturnsStatusWithoutThrowing(byte[] datagram, RtpParseStatus expected)
    {
        var result = RtpPacket.Parse(datagram);

        Assert.False(result.IsValid);
        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public void Parse_RandomBytes_NeverThrows()
    {
        var random = new Random(4733);
        var buffer = new byte[64];
        for (var i = 0; i < 10_000; i++)
        {
            var length = random.Next(buffer.Length);
            random.NextBytes(buffer);

            var result = RtpPacket.Parse(buffer.AsSpan(0, length));

            Assert.True(!result.IsValid || result.PayloadOffset + result.PayloadLength <= length);
        }
    }
}
