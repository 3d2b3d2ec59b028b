using System.Buffers.Binary;
using System.Text;

namespace Edge.Sip.Tests.Media;

/// <summary>Builds WAVE files chunk by chunk, so each test states exactly what its file contains.</summary>
internal static class WavFile
{
    public static byte[] Build(params (string Id, byte[] Body)[] chunks)
    {
        using var stream = new MemoryStream();
        stream.Write("RIFF"u8);
        stream.Write(new byte[4]);
        stream.Write("WAVE"u8);
        foreach (var (id, body) in chunks)
        {
            stream.Write(Encoding.ASCII.GetBytes(id));
            stream.Write(UInt32(body.Length));
            stream.Write(body);
            if (body.Length % 2 == 1)
            {
                stream.WriteByte(0);
            }
        }

        var file = stream.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(file.Length - 8));
        return file;
    }

    public static byte[] Fmt(
        ushort formatTag,
        ushort channels = 1,
        uint sampleRate = 8000,
        ushort bitsPerSample = 8,
        bool withExtraSize = false)
    {
        var body = new byte[withExtraSize ? 18 : 16];
        var blockAlign = (ushort)(channels * bitsPerSample / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(body, formatTag);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), channels);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8), sampleRate * blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), bitsPerSample);
        return body;
    }

    public static byte[] Fact(uint sampleCount) => UInt32((int)sampleCount);

    private static byte[] UInt32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)value);
        return bytes;
    }
}
