using System.Globalization;
using System.Net;
using System.Text;

namespace Edge.Sip.Internal.Messages;

/// <summary>A sip:, sips: or tel: URI (RFC 3261 §19.1, RFC 3966); user part kept escaped as written.</summary>
internal sealed record SipUri(
    string Scheme,
    string? User,
    string? Password,
    string Host,
    int? Port,
    IReadOnlyList<KeyValuePair<string, string?>> Parameters,
    string? Headers)
{
    /// <summary>The user part with %HH escapes decoded (RFC 3261 §19.1.2).</summary>
    public string? UnescapedUser => User is null ? null : Unescape(User);

    /// <summary>The host without IPv6 brackets.</summary>
    public string HostWithoutBrackets => Host.StartsWith('[') ? Host.Trim('[', ']') : Host;

    public string? Parameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public bool HasParameter(string name) =>
        Parameters.Any(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));

    public static bool TryParse(string? text, out SipUri uri)
    {
        uri = null!;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        var scheme = text[..colon].ToLowerInvariant();
        var rest = text[(colon + 1)..];
        if (scheme == "tel")
        {
            return TryParseTel(rest, out uri);
        }

        return scheme is "sip" or "sips" && TryParseSip(scheme, rest, out uri);
    }

    private static bool TryParseTel(string rest, out SipUri uri)
    {
        var semi = rest.IndexOf(';', StringComparison.Ordinal);
        var number = semi < 0 ? rest : rest[..semi];
        var parameters = semi < 0 ? [] : HeaderText.ParseParameters(rest[(semi + 1)..]);
        uri = new SipUri("tel", number, null, string.Empty, null, parameters, null);
        return number.Length > 0;
    }

    private static bool TryParseSip(string scheme, string rest, out SipUri uri)
    {
        uri = null!;
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var headers = question < 0 ? null : rest[(question + 1)..];
        var main = question < 0 ? rest : rest[..question];
        var at = main.IndexOf('@', StringComparison.Ordinal);
        string? user = null;
        string? password = null;
        if (at >= 0)
        {
            var userInfo = main[..at];
            var passColon = userInfo.IndexOf(':', StringComparison.Ordinal);
            user = passColon < 0 ? userInfo : userInfo[..passColon];
            password = passColon < 0 ? null : userInfo[(passColon + 1)..];
            main = main[(at + 1)..];
            if (user.Length == 0)
            {
                return false;
            }
        }

        if (!TrySplitHostPort(main, out var host, out var port, out var paramText))
        {
            return false;
        }

        var parameters = paramText is null ? [] : HeaderText.ParseParameters(paramText);
        uri = new SipUri(scheme, user, password, host, port, parameters, headers);
        return true;
    }

    /// <summary>Splits "host[:port][;params]" where host may be an IPv6 reference in brackets.</summary>
    public static bool TrySplitHostPort(string text, out string host, out int? port, out string? paramText)
    {
        host = string.Empty;
        port = null;
        paramText = null;
        var semi = text.IndexOf(';', StringComparison.Ordinal);
        var hostPort = semi < 0 ? text : text[..semi];
        paramText = semi < 0 ? null : text[(semi + 1)..];
        string? portText;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || !IPAddress.TryParse(hostPort[1..close], out _))
            {
                return false;
            }

            host = hostPort[..(close + 1)];
            var after = hostPort[(close + 1)..];
            portText = after.Length == 0 ? null : after.StartsWith(':') ? after[1..] : "x";
        }
        else
        {
            var colon = hostPort.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? hostPort : hostPort[..colon];
            portText = colon < 0 ? null : hostPort[(colon + 1)..];
        }

        return IsValidHost(host) && TryParsePort(portText, out port);
    }

    private static bool IsValidHost(string host) =>
        host.Length > 0 && (host.StartsWith('[') || host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-'));

    private static bool TryParsePort(string? text, out int? port)
    {
        port = null;
        if (text is null)
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 65535)
        {
            return false;
        }

        port = value;
        return true;
    }

    public static string Unescape(string text)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        // Escapes are UTF-8 octets (RFC 3261 §25.1); decode them as bytes so multi-byte characters survive.
        var bytes = new List<byte>(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            if (text[position] == '%' && position + 2 < text.Length
                && byte.TryParse(text.AsSpan(position + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                position += 3;
                continue;
            }

            var next = text.IndexOf('%', position + 1);
            var run = next < 0 ? text[position..] : text[position..next];
            bytes.AddRange(Encoding.UTF8.GetBytes(run));
            position += run.Length;
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    public override string ToString()
    {
        var builder = new StringBuilder(Scheme).Append(':');
        if (User is not null)
        {
            builder.Append(User);
            if (Password is not null)
            {
                builder.Append(':').Append(Password);
            }

            if (Scheme != "tel")
            {
                builder.Append('@');
            }
        }

        builder.Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var (name, value) in Parameters)
        {
            builder.Append(';').Append(name);
            if (value is not null)
            {
                builder.Append('=').Append(value);
            }
        }

        return Headers is null ? builder.ToString() : builder.Append('?').Append(Headers).ToString();
    }
}
