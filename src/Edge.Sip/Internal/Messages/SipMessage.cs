namespace Edge.Sip.Internal.Messages;

/// <summary>A SIP request or response (RFC 3261 §7): start line, ordered headers and a byte body.</summary>
internal sealed class SipMessage
{
    public const string SipVersion = "SIP/2.0";

    /// <summary>The method for a request; null for a response.</summary>
    public string? Method { get; init; }

    /// <summary>The Request-URI text for a request.</summary>
    public string? RequestUri { get; init; }

    /// <summary>The status code for a response.</summary>
    public int StatusCode { get; init; }

    /// <summary>The reason phrase for a response.</summary>
    public string ReasonPhrase { get; init; } = string.Empty;

    /// <summary>The SIP-Version token as received.</summary>
    public string Version { get; init; } = SipVersion;

    public List<SipHeader> Headers { get; } = [];

    public byte[] Body { get; set; } = [];

    public bool IsRequest => Method is not null;

    public string? CallId => Get(HeaderNames.CallId);

    public static SipMessage Request(string method, string requestUri) =>
        new() { Method = method, RequestUri = requestUri };

    public static SipMessage Response(int statusCode, string reasonPhrase) =>
        new() { StatusCode = statusCode, ReasonPhrase = reasonPhrase };

    /// <summary>The first value of a header, by canonical name (case-insensitive).</summary>
    public string? Get(string name)
    {
        foreach (var header in Headers)
        {
            if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    /// <summary>Every value of a header, in received order.</summary>
    public IEnumerable<string> GetAll(string name) =>
        Headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    public bool Has(string name) => Get(name) is not null;

    public void Add(string name, string value) => Headers.Add(new SipHeader(name, value));

    /// <summary>Replaces all values of a header with one value, keeping its first position.</summary>
    public void Set(string name, string value)
    {
        var index = Headers.FindIndex(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
        Remove(name);
        Headers.Insert(index < 0 ? Headers.Count : Math.Min(index, Headers.Count), new SipHeader(name, value));
    }

    public void Remove(string name) =>
        Headers.RemoveAll(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Replaces the first Via value (used to fill received and rport, RFC 3581 §4).</summary>
    public void ReplaceTopVia(string value)
    {
        var index = Headers.FindIndex(h => string.Equals(h.Name, HeaderNames.Via, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            Headers[index] = new SipHeader(HeaderNames.Via, value);
        }
    }
}
