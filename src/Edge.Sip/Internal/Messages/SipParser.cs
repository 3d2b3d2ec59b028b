using System.Globalization;
using System.Text;

namespace Edge.Sip.Internal.Messages;

/// <summary>
/// Parses a whole SIP message from bytes (RFC 3261 §7, grammar in §25). Never throws on input:
/// every failure is a <see cref="ParseResult"/> whose reason names the field.
/// </summary>
internal static class SipParser
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    public static ParseResult Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length > SipLimits.MaxMessageBytes)
        {
            return ParseResult.Fail(ParseError.TooLarge, "Message Too Large");
        }

        // RFC 3261 §7.5: CRLFs before the start line are ignored.
        var skip = 0;
        while (skip < data.Length && (data[skip] == (byte)'\r' || data[skip] == (byte)'\n'))
        {
            skip++;
        }

        data = data[skip..];
        if (data.IsEmpty)
        {
            return ParseResult.Fail(ParseError.Empty, "Empty");
        }

        var end = data.IndexOf(HeaderEnd);
        if (end < 0)
        {
            return ParseResult.Fail(ParseError.Incomplete, "Incomplete Header");
        }

        var head = Encoding.UTF8.GetString(data[..end]);
        return ParseHead(head, data[(end + HeaderEnd.Length)..]);
    }

    private static ParseResult ParseHead(string head, ReadOnlySpan<byte> rest)
    {
        var lines = Unfold(head);
        if (lines is null)
        {
            return ParseResult.Fail(ParseError.LineTooLong, "Header Line Too Long");
        }

        var message = ParseStartLine(lines[0]);
        if (message is null)
        {
            // Keep the headers so that a 400 can still be formed for a request with a broken Request-Line.
            var partial = PartialRequest(lines[0]);
            if (partial is not null)
            {
                ParseHeaders(lines, partial);
            }

            return ParseResult.Fail(ParseError.BadStartLine, "Bad Request-Line", partial);
        }

        var headerError = ParseHeaders(lines, message);
        if (headerError is not null)
        {
            return headerError with { Partial = message };
        }

        var bodyError = ReadBody(message, rest);
        return bodyError ?? Validate(message);
    }

    private static List<string>? Unfold(string head)
    {
        var lines = new List<string>();
        foreach (var raw in head.Split('\n'))
        {
            var line = raw.TrimEnd('\r');

            // RFC 3261 §7.3.1: a line starting with whitespace continues the previous header (LWS folding).
            if (lines.Count > 1 && line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                lines[^1] = lines[^1].TrimEnd() + " " + line.Trim();
            }
            else
            {
                lines.Add(line);
            }

            if (lines[^1].Length > SipLimits.MaxLineLength)
            {
                return null;
            }
        }

        return lines;
    }

    private static SipMessage? ParseStartLine(string line)
    {
        if (line.StartsWith("SIP/", StringComparison.OrdinalIgnoreCase))
        {
            return ParseStatusLine(line);
        }

        var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || !HeaderText.IsToken(parts[0]) || !parts[2].StartsWith("SIP/", StringComparison.Ordinal))
        {
            return null;
        }

        return new SipMessage { Method = parts[0], RequestUri = parts[1], Version = parts[2] };
    }

    private static SipMessage? PartialRequest(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var method = space > 0 ? line[..space] : string.Empty;
        return HeaderText.IsToken(method) && !line.StartsWith("SIP/", StringComparison.OrdinalIgnoreCase)
            ? new SipMessage { Method = method, RequestUri = string.Empty }
            : null;
    }

    private static SipMessage? ParseStatusLine(string line)
    {
        var firstSpace = line.IndexOf(' ', StringComparison.Ordinal);
        if (firstSpace < 0 || line.Length < firstSpace + 4)
        {
            return null;
        }

        var codeText = line.AsSpan(firstSpace + 1, 3);
        if (!int.TryParse(codeText, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code < 100)
        {
            return null;
        }

        var reason = line.Length > firstSpace + 4 ? line[(firstSpace + 4)..].Trim() : string.Empty;
        return new SipMessage { StatusCode = code, ReasonPhrase = reason, Version = line[..firstSpace] };
    }

    private static ParseResult? ParseHeaders(List<string> lines, SipMessage message)
    {
        ParseResult? error = null;
        for (var i = 1; i < lines.Count; i++)
        {
            var line = lines[i];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !HeaderText.IsToken(line.AsSpan(0, colon).Trim()))
            {
                // Go on reading: the other headers may still allow a 400 to be formed.
                error ??= ParseResult.Fail(ParseError.BadHeader, "Bad Header");
                continue;
            }

            var name = HeaderNames.Canonicalize(line[..colon].Trim());
            var value = line[(colon + 1)..].Trim();
            AddHeader(message, name, value);
            if (message.Headers.Count > SipLimits.MaxHeaders)
            {
                return ParseResult.Fail(ParseError.TooManyHeaders, "Too Many Headers");
            }
        }

        return error;
    }

    private static void AddHeader(SipMessage message, string name, string value)
    {
        if (!HeaderNames.IsList(name) || value == "*")
        {
            message.Add(name, value);
            return;
        }

        var items = HeaderText.SplitList(value);
        if (items.Count == 0)
        {
            // An empty list (such as "Supported:") is kept, so it survives a round trip.
            message.Add(name, string.Empty);
        }

        foreach (var item in items)
        {
            message.Add(name, item);
        }
    }

    private static ParseResult? ReadBody(SipMessage message, ReadOnlySpan<byte> rest)
    {
        var lengths = message.GetAll(HeaderNames.ContentLength).Distinct(StringComparer.Ordinal).ToList();
        if (lengths.Count == 0)
        {
            // RFC 3261 §18.3: over a datagram transport the body runs to the end of the packet.
            message.Body = rest.ToArray();
            return null;
        }

        if (lengths.Count > 1 || !TryParseContentLength(lengths[0], out var length) || length > rest.Length)
        {
            return ParseResult.Fail(ParseError.BadContentLength, "Bad Content-Length", message);
        }

        message.Body = rest[..length].ToArray();
        return null;
    }

    public static bool TryParseContentLength(string text, out int length) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out length)
        && length <= SipLimits.MaxMessageBytes;

    private static ParseResult Validate(SipMessage message)
    {
        string[] required = [HeaderNames.Via, HeaderNames.From, HeaderNames.To, HeaderNames.CallId, HeaderNames.CSeq];
        foreach (var name in required)
        {
            if (!message.Has(name))
            {
                return ParseResult.Fail(ParseError.MissingHeader, "Missing " + name, message);
            }
        }

        if (!CSeqValue.TryParse(message.Get(HeaderNames.CSeq), out var cseq))
        {
            return ParseResult.Fail(ParseError.BadHeaderValue, "Bad CSeq", message);
        }

        if (message.IsRequest && !string.Equals(cseq.Method, message.Method, StringComparison.Ordinal))
        {
            return ParseResult.Fail(ParseError.CSeqMethodMismatch, "CSeq Method Mismatch", message);
        }

        return ValidateAddresses(message);
    }

    private static ParseResult ValidateAddresses(SipMessage message)
    {
        if (!ViaValue.TryParse(message.Get(HeaderNames.Via), out _))
        {
            return ParseResult.Fail(ParseError.BadHeaderValue, "Bad Via", message);
        }

        if (!NameAddress.TryParse(message.Get(HeaderNames.From), out _))
        {
            return ParseResult.Fail(ParseError.BadHeaderValue, "Bad From", message);
        }

        if (!NameAddress.TryParse(message.Get(HeaderNames.To), out _))
        {
            return ParseResult.Fail(ParseError.BadHeaderValue, "Bad To", message);
        }

        if (message.IsRequest && !IsAcceptableRequestUri(message.RequestUri!))
        {
            return ParseResult.Fail(ParseError.BadStartLine, "Bad Request-URI", message);
        }

        return ParseResult.Ok(message);
    }

    private static bool IsAcceptableRequestUri(string uri)
    {
        // Other schemes are well-formed enough to parse; the user agent answers them with 416 (RFC 3261 §8.2.2.1).
        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || uri.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var scheme = uri[..colon];
        var known = scheme.Equals("sip", StringComparison.OrdinalIgnoreCase) || scheme.Equals("sips", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("tel", StringComparison.OrdinalIgnoreCase);
        return known ? SipUri.TryParse(uri, out _) : HeaderText.IsToken(scheme);
    }
}
