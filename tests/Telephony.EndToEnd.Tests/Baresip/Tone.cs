using System.Buffers.Binary;

namespace Telephony.EndToEnd.Tests.Baresip;

/// <summary>A quiet 440 Hz tone as a 16-bit 8 kHz mono WAVE file: baresip's aufile source, long enough that the
/// file never ends during the call (at its end baresip hangs up).</summary>
internal static class Tone
{
    public static byte[] Wave(TimeSpan length)
    {
        var samples = (int)(length.TotalSeconds * 8000);
        var file = new byte[44 + (samples * 2)];
        "RIFF"u8.CopyTo(file);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(4), file.Length - 8);
        "WAVEfmt "u8.CopyTo(file.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(24), 8000);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(28), 16000);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(34), 16);
        "data"u8.CopyTo(file.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(40), samples * 2);
        for (var i = 0; i < samples; i++)
        {
            var value = (short)(1500 * Math.Sin(2 * Math.PI * 440 * i / 8000));
            BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(44 + (i * 2)), value);
        }

        return file;
    }
}
