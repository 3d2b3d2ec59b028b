using System.Buffers.Binary;

namespace Edge.Sip.Media;

/// <summary>Reads and writes RTP packets (RFC 3550 §5.1). Invalid input is a value, never an exception.</summary>
public static class RtpPacket
{
    /// <summary>The length of the fixed header.</summary>
    public const int FixedHeaderLength = 12;

    private const int Version = 2;

    /// <summary>Parses a datagram as an RTP packet.</summary>
    /// <param name="datagram">The datagram.</param>
    /// <returns>The header and where the payload is, or why the datagram is not valid RTP.</returns>
    public static RtpParseResult Parse(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length < FixedHeaderLength)
        {
            return RtpParseResult.Invalid(RtpParseStatus.TooShort);
        }

        if (datagram[0] >> 6 != Version)
        {
            return RtpParseResult.Invalid(RtpParseStatus.UnsupportedVersion);
        }

        var csrcCount = datagram[0] & 0x0F;
        var offset = FixedHeaderLength + (4 * csrcCount);
        if (offset > datagram.Length)
        {
            return RtpParseResult.Invalid(RtpParseStatus.TruncatedCsrcList);
        }

        var header = ReadFixedHeader(datagram) with { Csrcs = ReadCsrcs(datagram, csrcCount) };
        if ((datagram[0] & 0x10) != 0)
        {
            var extension = ReadExtension(datagram, offset, header);
            if (extension is not { } withExtension)
            {
                return RtpParseResult.Invalid(RtpParseStatus.TruncatedExtension);
            }

            header = withExtension;
            offset += 4 + header.ExtensionData.Length;
        }

        return WithPadding(datagram, header, offset);
    }

    /// <summary>The number of bytes <paramref name="header"/> takes on the wire.</summary>
    /// <param name="header">The header.</param>
    /// <returns>The header length in bytes.</returns>
    public static int GetHeaderLength(in RtpHeader header) =>
        FixedHeaderLength + (4 * header.Csrcs.Length) + (header.HasExtension ? 4 + header.ExtensionData.Length : 0);

    /// <summary>Writes a packet.</summary>
    /// <param name="header">The header; at most 15 CSRCs, extension data a multiple of four bytes.</param>
    /// <param name="payload">The payload.</param>
    /// <param name="paddingLength">Padding bytes to append (0–255); when not zero the P bit is set.</param>
    /// <param name="destination">Where to write.</param>
    /// <returns>The number of bytes written, or 0 when <paramref name="destination"/> is too small.</returns>
    public static int Write(in RtpHeader header, ReadOnlySpan<byte> payload, int paddingLength, Span<byte> destination)
    {
        ValidateForWrite(header, paddingLength);
        var headerLength = GetHeaderLength(header);
        var total = headerLength + payload.Length + paddingLength;
        if (total > destination.Length)
        {
            return 0;
        }

        WriteHeader(header, paddingLength > 0, destination);
        payload.CopyTo(destination[headerLength..]);
        if (paddingLength > 0)
        {
            destination.Slice(headerLength + payload.Length, paddingLength - 1).Clear();
            destination[total - 1] = (byte)paddingLength;
        }

        return total;
    }

    private static RtpHeader ReadFixedHeader(ReadOnlySpan<byte> datagram) => new()
    {
        Marker = (datagram[1] & 0x80) != 0,
        PayloadType = (byte)(datagram[1] & 0x7F),
        SequenceNumber = BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]),
        Timestamp = BinaryPrimitives.ReadUInt32BigEndian(datagram[4..]),
        Ssrc = BinaryPrimitives.ReadUInt32BigEndian(datagram[8..]),
    };

    private static ReadOnlyMemory<uint> ReadCsrcs(ReadOnlySpan<byte> datagram, int count)
    {
        if (count == 0)
        {
            return ReadOnlyMemory<uint>.Empty;
        }

        var csrcs = new uint[count];
        for (var i = 0; i < count; i++)
        {
            csrcs[i] = BinaryPrimitives.ReadUInt32BigEndian(datagram[(FixedHeaderLength + (4 * i))..]);
        }

        return csrcs;
    }

    private static RtpHeader? ReadExtension(ReadOnlySpan<byte> datagram, int offset, RtpHeader header)
    {
        // RFC 3550 §5.3.1: 16 bits profile, 16 bits length in 32-bit words, excluding this 4-byte preamble.
        if (offset + 4 > datagram.Length)
        {
            return null;
        }

        var length = 4 * BinaryPrimitives.ReadUInt16BigEndian(datagram[(offset + 2)..]);
        if (offset + 4 + length > datagram.Length)
        {
            return null;
        }

        return header with
        {
            HasExtension = true,
            ExtensionProfile = BinaryPrimitives.ReadUInt16BigEndian(datagram[offset..]),
            ExtensionData = datagram.Slice(offset + 4, length).ToArray(),
        };
    }

    private static RtpParseResult WithPadding(ReadOnlySpan<byte> datagram, RtpHeader header, int payloadOffset)
    {
        var payloadLength = datagram.Length - payloadOffset;
        if ((datagram[0] & 0x20) == 0)
        {
            return new RtpParseResult(RtpParseStatus.Valid, header, payloadOffset, payloadLength, 0);
        }

        // RFC 3550 §5.1: the last octet counts the padding octets, itself included, so it is at least 1.
        var padding = datagram[^1];
        if (padding == 0 || padding > payloadLength)
        {
            return RtpParseResult.Invalid(RtpParseStatus.InvalidPadding);
        }

        return new RtpParseResult(RtpParseStatus.Valid, header, payloadOffset, payloadLength - padding, padding);
    }

    private static void ValidateForWrite(in RtpHeader header, int paddingLength)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(header.PayloadType, (byte)127, nameof(header));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(header.Csrcs.Length, 15, nameof(header));
        ArgumentOutOfRangeException.ThrowIfNotEqual(header.ExtensionData.Length % 4, 0, nameof(header));
        var maxExtension = 4 * ushort.MaxValue;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(header.ExtensionData.Length, maxExtension, nameof(header));
        ArgumentOutOfRangeException.ThrowIfNegative(paddingLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(paddingLength, 255);
    }

    private static void WriteHeader(in RtpHeader header, bool padding, Span<byte> destination)
    {
        destination[0] = (byte)((Version << 6) | (padding ? 0x20 : 0) | (header.HasExtension ? 0x10 : 0)
            | header.Csrcs.Length);
        destination[1] = (byte)((header.Marker ? 0x80 : 0) | header.PayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], header.SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], header.Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], header.Ssrc);
        var offset = FixedHeaderLength;
        foreach (var csrc in header.Csrcs.Span)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], csrc);
            offset += 4;
        }

        if (header.HasExtension)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], header.ExtensionProfile);
            var words = (ushort)(header.ExtensionData.Length / 4);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(offset + 2)..], words);
            header.ExtensionData.Span.CopyTo(destination[(offset + 4)..]);
        }
    }
}
