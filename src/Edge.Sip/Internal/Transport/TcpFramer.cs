using System.Text;
using Edge.Sip.Internal.Messages;

namespace Edge.Sip.Internal.Transport;

/// <summary>
/// Cuts SIP messages out of a TCP byte stream by Content-Length counted in bytes (RFC 3261 §18.3).
/// Messages may arrive split at any byte or several in one segment. CRLF keep-alives between messages are
/// skipped; a double CRLF is a ping (RFC 5626 §4.4.1). At most <see cref="SipLimits.MaxMessageBytes"/> of one
/// unfinished message are kept (plus one read); after a bad or over-size frame the stream has lost its framing,
/// so the framer yields nothing more.
/// </summary>
internal sealed class TcpFramer
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    private const int InitialCapacity = 4096;

    private byte[] _buffer = new byte[InitialCapacity];
    private int _count;
    private bool _broken;

    /// <summary>
    /// Whether part of a message is held until more arrives; the start of a ping ("\r", "\r\n", "\r\n\r") is not.
    /// </summary>
    public bool HasPartialMessage => _count > 0 && !IsStartOfPing(_buffer.AsSpan(0, _count));

    /// <summary>Appends received bytes and returns every complete frame now available.</summary>
    public List<Frame> Feed(ReadOnlySpan<byte> data)
    {
        if (_broken)
        {
            return [];
        }

        EnsureCapacity(_count + data.Length);
        data.CopyTo(_buffer.AsSpan(_count));
        _count += data.Length;
        var frames = new List<Frame>();
        while (TryCut(out var frame))
        {
            frames.Add(frame);
            if (frame.Kind is FrameKind.BadLength or FrameKind.TooLarge)
            {
                _broken = true;
                _count = 0;
                _buffer = [];
                break;
            }
        }

        ShrinkWhenEmpty();
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

        if (IsStartOfPing(span))
        {
            return false;
        }

        // A lone CRLF (a pong, RFC 5626 §4.4.1) is skipped. Whatever else follows is framed as a message, so it
        // is bounded by the message size limit and the unfinished-message timeout, even when it starts with CR.
        if (span.StartsWith("\r\n"u8))
        {
            Consume(2);
            return TryCut(out frame);
        }

        return TryCutMessage(span, out frame);
    }

    private static bool IsStartOfPing(ReadOnlySpan<byte> held) => HeaderEnd.AsSpan().StartsWith(held);

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
        // RFC 3261 §18.3 and §20.14: on a stream Content-Length MUST be present; without it the end of the message
        // is unknown, and reading it as 0 would make a body the start of the "next message".
        length = 0;
        var found = false;
        foreach (var raw in Encoding.UTF8.GetString(head).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = HeaderNames.Canonicalize(line[..colon].Trim());
            if (name != HeaderNames.ContentLength)
            {
                continue;
            }

            // A second Content-Length (RFC 3261 §7.3.1: only list headers repeat) leaves the end ambiguous; the
            // parser refuses it too, and framing by either one could read the body as the next request.
            if (found || !SipParser.TryParseContentLength(line[(colon + 1)..].Trim(), out length))
            {
                return false;
            }

            found = true;
        }

        return found && length + head.Length <= SipLimits.MaxMessageBytes;
    }

    private void Consume(int count)
    {
        _buffer.AsSpan(count, _count - count).CopyTo(_buffer);
        _count -= count;
    }

    // One large message must not pin its buffer for the life of the connection.
    private void ShrinkWhenEmpty()
    {
        if (_count == 0 && _buffer.Length > InitialCapacity)
        {
            _buffer = new byte[InitialCapacity];
        }
    }

    private void EnsureCapacity(int needed)
    {
        if (needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
        }
    }
}
