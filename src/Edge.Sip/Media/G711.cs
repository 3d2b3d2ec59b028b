using Edge.Sip.Internal.Media;

namespace Edge.Sip.Media;

/// <summary>
/// ITU-T G.711 companding: μ-law (PCMU) and A-law (PCMA) to and from 16-bit linear PCM, and transcoding between
/// the two laws through linear. All conversions are table lookups.
/// </summary>
public static class G711
{
    /// <summary>The μ-law code for linear zero, used for silence frames.</summary>
    public const byte MuLawSilence = 0xFF;

    /// <summary>The A-law code for (near) linear zero, used for silence frames.</summary>
    public const byte ALawSilence = 0xD5;

    /// <summary>Decodes one μ-law code to a 16-bit linear sample.</summary>
    /// <param name="code">The μ-law code as sent on the wire.</param>
    /// <returns>The linear sample.</returns>
    public static short MuLawToLinear(byte code) => G711Tables.MuLawToLinear[code];

    /// <summary>Encodes one 16-bit linear sample as μ-law.</summary>
    /// <param name="sample">The linear sample.</param>
    /// <returns>The μ-law code.</returns>
    public static byte LinearToMuLaw(short sample) => G711Tables.LinearToMuLaw[sample + 32768];

    /// <summary>Decodes one A-law code to a 16-bit linear sample.</summary>
    /// <param name="code">The A-law code as sent on the wire.</param>
    /// <returns>The linear sample.</returns>
    public static short ALawToLinear(byte code) => G711Tables.ALawToLinear[code];

    /// <summary>Encodes one 16-bit linear sample as A-law.</summary>
    /// <param name="sample">The linear sample.</param>
    /// <returns>The A-law code.</returns>
    public static byte LinearToALaw(short sample) => G711Tables.LinearToALaw[sample + 32768];

    /// <summary>The code that represents silence in <paramref name="codec"/>.</summary>
    /// <param name="codec">The codec.</param>
    /// <returns>The silence code.</returns>
    public static byte Silence(CallAudioCodec codec) => codec == CallAudioCodec.Pcma ? ALawSilence : MuLawSilence;

    /// <summary>Decodes G.711 codes to linear samples.</summary>
    /// <param name="source">The codes.</param>
    /// <param name="codec">The law the codes are in.</param>
    /// <param name="destination">Receives one sample per code; at least as long as <paramref name="source"/>.</param>
    public static void Decode(ReadOnlySpan<byte> source, CallAudioCodec codec, Span<short> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, source.Length, nameof(destination));
        var table = codec == CallAudioCodec.Pcma ? G711Tables.ALawToLinear : G711Tables.MuLawToLinear;
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = table[source[i]];
        }
    }

    /// <summary>Encodes linear samples as G.711 codes.</summary>
    /// <param name="source">The linear samples.</param>
    /// <param name="codec">The law to encode in.</param>
    /// <param name="destination">Receives one code per sample; at least as long as <paramref name="source"/>.</param>
    public static void Encode(ReadOnlySpan<short> source, CallAudioCodec codec, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, source.Length, nameof(destination));
        var table = codec == CallAudioCodec.Pcma ? G711Tables.LinearToALaw : G711Tables.LinearToMuLaw;
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = table[source[i] + 32768];
        }
    }

    /// <summary>
    /// Copies G.711 codes from one law to another through linear (G.711 table lookups on both sides). When both
    /// laws are the same the codes are copied unchanged.
    /// </summary>
    /// <param name="source">The codes in <paramref name="sourceCodec"/>.</param>
    /// <param name="sourceCodec">The law of <paramref name="source"/>.</param>
    /// <param name="destination">Receives the codes; at least as long as <paramref name="source"/>.</param>
    /// <param name="destinationCodec">The law to produce.</param>
    public static void Transcode(
        ReadOnlySpan<byte> source,
        CallAudioCodec sourceCodec,
        Span<byte> destination,
        CallAudioCodec destinationCodec)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, source.Length, nameof(destination));
        if (sourceCodec == destinationCodec)
        {
            source.CopyTo(destination);
            return;
        }

        var table = sourceCodec == CallAudioCodec.Pcmu ? G711Tables.MuLawToALaw : G711Tables.ALawToMuLaw;
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = table[source[i]];
        }
    }
}
