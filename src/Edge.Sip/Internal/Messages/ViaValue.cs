using System.Globalization;
using System.Text;

namespace Edge.Sip.Internal.Messages;

/// <summary>One Via value: transport, sent-by and parameters such as branch, received, rport (RFC 3261 §20.42).</summary>
internal sealed record ViaValue(string Transport, string Host, int? Port, IReadOnlyList<KeyValuePair<string, string?>> Parameters)
{
    /// <summary>The RFC 3261 magic cookie that marks a branch as globally unique (§8.1.1.7).</summary>
    public const string MagicCookie = "z9hG4bK";

    public string? Branch => Parameter("branch");

    public bool HasRport => Parameters.Any(p => p.Key == "rport");

    public string? Parameter(string name) => Parameters.FirstOrDefault(p => p.Key == name).Value;

    public static bool TryParse(string? text, out ViaValue via)
    {
        via = null!;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        // sent-protocol allows LWS around the slashes: "SIP / 2.0 / UDP host".
        var protocolParts = new List<string>();
        var position = 0;
        while (protocolParts.Count < 3 && position < text.Length)
        {
            var slash = protocolParts.Count < 2 ? text.IndexOf('/', position) : -1;
            if (slash >= 0)
            {
                protocolParts.Add(text[position..slash].Trim());
                position = slash + 1;
                continue;
            }

            var remaining = text[position..].TrimStart();
            var end = remaining.IndexOfAny([' ', '\t']);
            if (end < 0)
            {
                return false;
            }

            protocolParts.Add(remaining[..end]);
            position = text.Length - remaining.Length + end;
        }

        if (protocolParts.Count != 3 || !string.Equals(protocolParts[0], "SIP", StringComparison.OrdinalIgnoreCase)
            || !HeaderText.IsToken(protocolParts[2]))
        {
            return false;
        }

        var sentBy = string.Concat(text[position..].Where(c => !char.IsWhiteSpace(c)));
        if (!SipUri.TrySplitHostPort(sentBy, out var host, out var port, out var paramText))
        {
            return false;
        }

        var parameters = paramText is null ? [] : HeaderText.ParseParameters(paramText);
        via = new ViaValue(protocolParts[2].ToUpperInvariant(), host, port, parameters);
        return true;
    }

    /// <summary>Returns a copy with a parameter set (added, or its value replaced).</summary>
    public ViaValue WithParameter(string name, string? value)
    {
        var list = Parameters.ToList();
        var index = list.FindIndex(p => p.Key == name);
        if (index >= 0)
        {
            list[index] = new KeyValuePair<string, string?>(name, value);
        }
        else
        {
            list.Add(new KeyValuePair<string, string?>(name, value));
        }

        return this with { Parameters = list };
    }

    public override string ToString()
    {
        var builder = new StringBuilder("SIP/2.0/").Append(Transport).Append(' ').Append(Host);
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

        return builder.ToString();
    }
}
