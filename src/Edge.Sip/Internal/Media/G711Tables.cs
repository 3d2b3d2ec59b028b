using System.Numerics;

namespace Edge.Sip.Internal.Media;

/// <summary>
/// Lookup tables for ITU-T G.711. Built once from the segment rules of the recommendation so that the hot path
/// (20 ms frames for hundreds of calls) is a single array index per sample.
/// </summary>
internal static class G711Tables
{
    // μ-law works on a biased magnitude (ITU-T G.711 table 2a); 32635 keeps bias + sample inside 15 bits.
    private const int MuLawBias = 0x84;
    private const int MuLawClip = 32635;

    /// <summary>μ-law code to 16-bit linear.</summary>
    public static readonly short[] MuLawToLinear = BuildDecodeTable(DecodeMuLaw);

    /// <summary>A-law code to 16-bit linear.</summary>
    public static readonly short[] ALawToLinear = BuildDecodeTable(DecodeALaw);

    /// <summary>16-bit linear (offset by 32768) to μ-law code.</summary>
    public static readonly byte[] LinearToMuLaw = BuildEncodeTable(EncodeMuLaw);

    /// <summary>16-bit linear (offset by 32768) to A-law code.</summary>
    public static readonly byte[] LinearToALaw = BuildEncodeTable(EncodeALaw);

    /// <summary>μ-law code to A-law code, through linear.</summary>
    public static readonly byte[] MuLawToALaw = BuildTranscodeTable(MuLawToLinear, LinearToALaw);

    /// <summary>A-law code to μ-law code, through linear.</summary>
    public static readonly byte[] ALawToMuLaw = BuildTranscodeTable(ALawToLinear, LinearToMuLaw);

    private static short[] BuildDecodeTable(Func<byte, short> decode)
    {
        var table = new short[256];
        for (var code = 0; code < table.Length; code++)
        {
            table[code] = decode((byte)code);
        }

        return table;
    }

    private static byte[] BuildEncodeTable(Func<short, byte> encode)
    {
        var table = new byte[65536];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = encode((short)(i - 32768));
        }

        return table;
    }

    private static byte[] BuildTranscodeTable(short[] decode, byte[] encode)
    {
        var table = new byte[256];
        for (var code = 0; code < table.Length; code++)
        {
            table[code] = encode[decode[code] + 32768];
        }

        return table;
    }

    private static short DecodeMuLaw(byte code)
    {
        // Codes are transmitted inverted (G.711 §3.2); sign bit set means positive.
        var inverted = ~code & 0xFF;
        var exponent = (inverted >> 4) & 0x07;
        var mantissa = inverted & 0x0F;
        var magnitude = (((mantissa << 3) + MuLawBias) << exponent) - MuLawBias;
        return (short)((inverted & 0x80) != 0 ? -magnitude : magnitude);
    }

    private static byte EncodeMuLaw(short sample)
    {
        int value = sample;
        var sign = value < 0 ? 0x80 : 0x00;
        var magnitude = Math.Min(Math.Abs(value), MuLawClip) + MuLawBias;
        var exponent = BitOperations.Log2((uint)magnitude >> 7);
        var mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    private static short DecodeALaw(byte code)
    {
        // Even bits are inverted on the line (G.711 §3.1): XOR with 0x55.
        var value = code ^ 0x55;
        var segment = (value & 0x70) >> 4;
        var magnitude = ((value & 0x0F) << 4) + 8;
        if (segment > 0)
        {
            magnitude = (magnitude + 0x100) << (segment - 1);
        }

        return (short)((value & 0x80) != 0 ? magnitude : -magnitude);
    }

    private static byte EncodeALaw(short sample)
    {
        // A-law quantises 13 bits; negative values use one's-complement magnitude as in the recommendation.
        var value = sample >> 3;
        var mask = 0xD5;
        if (value < 0)
        {
            mask = 0x55;
            value = -value - 1;
        }

        var segment = value <= 0x1F ? 0 : BitOperations.Log2((uint)value) - 4;
        if (segment >= 8)
        {
            return (byte)(0x7F ^ mask);
        }

        var mantissa = segment < 1 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F;
        return (byte)(((segment << 4) | mantissa) ^ mask);
    }
}
