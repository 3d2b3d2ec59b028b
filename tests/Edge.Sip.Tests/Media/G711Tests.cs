using Edge.Sip.Media;

namespace Edge.Sip.Tests.Media;

public sealed class G711Tests
{
    [Theory]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    [InlineData(0x00, -32124)]
    [InlineData(0x80, 32124)]
    [InlineData(0xFE, 8)]
    [InlineData(0x7E, -8)]
    public void MuLawToLinear_KnownCode_GivesG711Value(int code, int expected)
    {
        Assert.Equal(expected, G711.MuLawToLinear((byte)code));
    }

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    public void ALawToLinear_KnownCode_GivesG711Value(int code, int expected)
    {
        Assert.Equal(expected, G711.ALawToLinear((byte)code));
    }

    [Theory]
    [InlineData(0, 0xFF, 0xD5)]
    [InlineData(short.MaxValue, 0x80, 0xAA)]
    [InlineData(short.MinValue, 0x00, 0x2A)]
    [InlineData(8, 0xFE, 0xD5)]
    public void Encode_KnownSample_GivesG711Code(int sample, int muLaw, int aLaw)
    {
        Assert.Equal((byte)muLaw, G711.LinearToMuLaw((short)sample));
        Assert.Equal((byte)aLaw, G711.LinearToALaw((short)sample));
    }

    [Fact]
    public void MuLaw_EveryCode_RoundTripsThroughLinear()
    {
        for (var code = 0; code < 256; code++)
        {
            // 0x7F is μ-law's negative zero; linear 0 encodes as the positive zero 0xFF.
            var expected = code == 0x7F ? 0xFF : code;
            Assert.Equal((byte)expected, G711.LinearToMuLaw(G711.MuLawToLinear((byte)code)));
        }
    }

    [Fact]
    public void ALaw_EveryCode_RoundTripsThroughLinear()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal((byte)code, G711.LinearToALaw(G711.ALawToLinear((byte)code)));
        }
    }

    [Fact]
    public void MuLawEncode_AcrossTheRange_IsMonotonicInDecodedValue()
    {
        var previous = short.MinValue;
        for (int sample = short.MinValue; sample <= short.MaxValue; sample += 7)
        {
            var decoded = G711.MuLawToLinear(G711.LinearToMuLaw((short)sample));
            Assert.True(decoded >= previous, $"decoded value fell at sample {sample}");
            previous = decoded;
        }
    }

    [Fact]
    public void Transcode_EveryCode_EqualsDecodeThenEncode()
    {
        var codes = Enumerable.Range(0, 256).Select(c => (byte)c).ToArray();
        var toALaw = new byte[256];
        var toMuLaw = new byte[256];

        G711.Transcode(codes, CallAudioCodec.Pcmu, toALaw, CallAudioCodec.Pcma);
        G711.Transcode(codes, CallAudioCodec.Pcma, toMuLaw, CallAudioCodec.Pcmu);

        for (var code = 0; code < 256; code++)
        {
            Assert.Equal(G711.LinearToALaw(G711.MuLawToLinear((byte)code)), toALaw[code]);
            Assert.Equal(G711.LinearToMuLaw(G711.ALawToLinear((byte)code)), toMuLaw[code]);
        }
    }

    [Fact]
    public void Transcode_SameCodec_CopiesUnchanged()
    {
        byte[] source = [0x00, 0x7F, 0x80, 0xFF];
        var destination = new byte[4];

        G711.Transcode(source, CallAudioCodec.Pcma, destination, CallAudioCodec.Pcma);

        Assert.Equal(source, destination);
    }

    [Fact]
    public void EncodeDecode_Spans_MatchScalarConversions()
    {
        short[] samples = [0, 1000, -1000, short.MaxValue, short.MinValue];
        var codes = new byte[samples.Length];
        var decoded = new short[samples.Length];

        G711.Encode(samples, CallAudioCodec.Pcma, codes);
        G711.Decode(codes, CallAudioCodec.Pcma, decoded);

        Assert.Equal(samples.Select(G711.LinearToALaw), codes);
        Assert.Equal(codes.Select(G711.ALawToLinear), decoded);
    }

    [Fact]
    public void Silence_PerCodec_DecodesToNearZero()
    {
        Assert.Equal(0, G711.MuLawToLinear(G711.Silence(CallAudioCodec.Pcmu)));
        Assert.Equal(8, G711.ALawToLinear(G711.Silence(CallAudioCodec.Pcma)));
    }
}
