using System.Text;
using Edge.Sip.Internal.Messages;

namespace Edge.Sip.Internal.Transport;

/// <summary>
/// Cuts SIP messages out of a TCP byte stream by Content-Length counted in bytes (RFC 3261 §18.3).
/// Messages may arrive split at any byte or several in one segment. CRLF keep-alives between messages are
/// skipped; a double CRLF is a ping (RFC 5626 §4.4.1).
/// </summary>
internal sealed class TcpFramer
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    private byte[] _buffer = new byte[4096];
    private int _count;

    /// <summary>Appends received bytes and returns every complete frame now available.</summary>
    public List<Frame> Feed(ReadOnlySpan<byte> data)
    {
        EnsureCapacity(_count + data.Length);
        data.CopyTo(_buffer.AsSpan(_count));
        _count += data.Length;
        var frames = new List<Frame>();
        while (TryCut(out var frame))
        {
            frames.Add(frame);
            if (frame.Kind is FrameKind.BadLength or FrameKind.TooLarge)
            {
                _count = 0;
                break;
            }
        }

        return frames;
    }

    private bool TryCut(out Frame frame)
    {
        frame = default;
        var span = _buffer.AsSpan(0, _count);
        if (span.StartsWith(HeaderEnd))
        {
            Consume(HeaderEnd.Length);
            frame = new Frame(FrameKind.Ping, []);
            return true;
        }

        if (span.StartsWith("\r\n"u8) && span.Length >= 3 && span[2] != (byte)'\r')
        {
            Consume(2);
            return TryCut(out frame);
        }

        if (span.StartsWith("\r\n"u8))
        {
            return false;
        }

        return TryCutMessage(span, out frame);
    }

    private bool TryCutMessage(ReadOnlySpan<byte> span, out Frame frame)
    {
        frame = default;
        var end = span.IndexOf(HeaderEnd);
        if (end < 0)
        {
            if (span.Length > SipLimits.MaxMessageBytes)
            {
                frame = new Frame(FrameKind.TooLarge, []);
                return true;
            }

            return false;
        }

        var headLength = end + HeaderEnd.Length;
        if (!TryReadContentLength(span[..end], out var bodyLength))
        {
            frame = new Frame(FrameKind.BadLength, span[..headLength].ToArray());
            return true;
        }

        if (span.Length < headLength + bodyLength)
        {
            return false;
        }

        frame = new Frame(FrameKind.Message, span[..(headLength + bodyLength)].ToArray());
        Consume(headLength + bodyLength);
        return true;
    }

    private static bool TryReadContentLength(ReadOnlySpan<byte> head, out int length)
    {
        // A missing Content-Length on a stream is an error by RFC 3261 §18.3; we read it as 0 to stay in sync.
        length = 0;
        foreach (var raw in Encoding.UTF8.GetString(head).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = HeaderNames.Canonicalize(line[..colon].Trim());
            if (name == HeaderNames.ContentLength)
            {
                return SipParser.TryParseContentLength(line[(colon + 1)..].Trim(), out length)
                    && length + head.Length <= SipLimits.MaxMessageBytes;
            }
        }

        return true;
    }

    private void Consume(int count)
    {
        _buffer.AsSpan(count, _count - count).CopyTo(_buffer);
        _count -= count;
    }

    private void EnsureCapacity(int needed)
    {
        if (needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
        }
    }
}
