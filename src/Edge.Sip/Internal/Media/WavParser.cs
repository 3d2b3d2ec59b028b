using System.Buffers.Binary;
using Edge.Sip.Media;

namespace Edge.Sip.Internal.Media;

/// <summary>
/// Walks the RIFF chunks of a WAVE file and accepts only what we can play without resampling: 8000 Hz mono 8-bit
/// G.711 (WAVE_FORMAT_MULAW = 7, WAVE_FORMAT_ALAW = 6). Chunks other than fmt and data (fact, LIST, ...) are skipped;
/// chunk bodies of odd size are followed by one pad byte (RIFF rule).
/// </summary>
internal static class WavParser
{
    private const ushort FormatAlaw = 6;
    private const ushort FormatMulaw = 7;
    private const ushort FormatPcm = 1;
    private const ushort FormatExtensible = 0xFFFE;
    private const int ChunkHeaderLength = 8;

    public static WavFormat Parse(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file[8..12].SequenceEqual("WAVE"u8))
        {
            return WavFormat.Reject("not a RIFF/WAVE file");
        }

        var riffEnd = 8L + BinaryPrimitives.ReadUInt32LittleEndian(file[4..8]);
        if (riffEnd > file.Length)
        {
            return WavFormat.Reject("truncated: the RIFF size exceeds the file length");
        }

        return WalkChunks(file[..(int)riffEnd]);
    }

    private static WavFormat WalkChunks(ReadOnlySpan<byte> riff)
    {
        CallAudioCodec? codec = null;
        var offset = 12;
        while (offset + ChunkHeaderLength <= riff.Length)
        {
            var id = riff.Slice(offset, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(riff.Slice(offset + 4, 4));
            var body = offset + ChunkHeaderLength;
            if (size > (uint)(riff.Length - body))
            {
                return WavFormat.Reject("truncated: a chunk runs past the end of the file");
            }

            if (id.SequenceEqual("fmt "u8))
            {
                var format = ParseFormat(riff.Slice(body, (int)size));
                if (format.Error is not null)
                {
                    return format;
                }

                codec = format.Codec;
            }
            else if (id.SequenceEqual("data"u8))
            {
                return AcceptData(codec, body, (int)size);
            }

            // RIFF pads every odd-sized chunk body with one byte that the size does not count.
            offset = body + (int)size + (int)(size & 1);
        }

        return WavFormat.Reject(codec is null ? "no fmt chunk" : "no data chunk");
    }

    private static WavFormat AcceptData(CallAudioCodec? codec, int offset, int length)
    {
        if (codec is null)
        {
            return WavFormat.Reject("the data chunk comes before the fmt chunk");
        }

        return length == 0
            ? WavFormat.Reject("the data chunk is empty")
            : new WavFormat(codec.Value, offset, length, null);
    }

    private static WavFormat ParseFormat(ReadOnlySpan<byte> fmt)
    {
        if (fmt.Length != 16 && fmt.Length != 18)
        {
            var tag = fmt.Length >= 2 ? BinaryPrimitives.ReadUInt16LittleEndian(fmt) : (ushort)0;
            return WavFormat.Reject(tag == FormatExtensible
                ? "WAVE_FORMAT_EXTENSIBLE is not supported; save as plain G.711 (format 6 or 7)"
                : $"fmt chunk of {fmt.Length} bytes is not supported (expected 16 or 18)");
        }

        var formatTag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        var bitsPerSample = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        return CheckFormat(formatTag, channels, sampleRate, blockAlign, bitsPerSample);
    }

    private static WavFormat CheckFormat(ushort tag, ushort channels, uint rate, ushort blockAlign, ushort bits)
    {
        if (tag != FormatMulaw && tag != FormatAlaw)
        {
            return WavFormat.Reject(tag == FormatPcm
                ? "linear PCM is not supported; convert to G.711 μ-law or A-law (8000 Hz mono)"
                : $"audio format {tag} is not supported (expected 7 for μ-law or 6 for A-law)");
        }

        if (channels != 1)
        {
            return WavFormat.Reject($"{channels} channels are not supported (expected mono)");
        }

        if (rate != Prompt.SampleRate)
        {
            return WavFormat.Reject($"sample rate {rate} Hz is not supported (expected 8000 Hz)");
        }

        if (bits != 8 || blockAlign != 1)
        {
            return WavFormat.Reject($"{bits} bits per sample is not supported (expected 8)");
        }

        return new WavFormat(tag == FormatMulaw ? CallAudioCodec.Pcmu : CallAudioCodec.Pcma, 0, 0, null);
    }
}
