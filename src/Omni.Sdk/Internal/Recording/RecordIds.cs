using System.Buffers.Binary;
using Omni.Sdk.Internal.Security;

namespace Omni.Sdk.Internal.Recording;

/// <summary>Mints record ids: UUIDv7 (RFC 9562, section 5.7) from the injected clock.</summary>
/// <remarks>
/// Guid.CreateVersion7 takes its 74 random bits from one system call per id; these come from
/// <see cref="BufferedRandom"/>, the same CSPRNG drawn in blocks. The layout is the RFC's: 48 bits of Unix
/// milliseconds, version 7, 12 random bits, the variant 10, 62 random bits.
/// </remarks>
internal static class RecordIds
{
    public static Guid NewVersion7(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        BufferedRandom.Fill(bytes[6..]);
        var millis = (ulong)now.ToUnixTimeMilliseconds();
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)(millis >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(bytes[2..], (uint)millis);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
