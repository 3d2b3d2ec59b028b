using System.Text;

namespace Edge.Sip.Internal.Messages;

/// <summary>A name-addr or addr-spec with header parameters, as in From, To, Contact, Route (RFC 3261 §20.10).</summary>
internal sealed record NameAddress(string? DisplayName, SipUri Uri, IReadOnlyList<KeyValuePair<string, string?>> Parameters)
{
    public string? Tag => Parameter("tag");

    public string? Parameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static bool TryParse(string? text, out NameAddress address)
    {
        address = null!;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var open = HeaderText.IndexOfUnquoted(text, '<');
        if (open < 0)
        {
            return TryParseAddrSpec(text, out address);
        }

        var close = text.IndexOf('>', open);
        if (close < 0 || !SipUri.TryParse(text[(open + 1)..close], out var uri))
        {
            return false;
        }

        var display = text[..open].Trim();
        var displayName = display.Length == 0 ? null : HeaderText.Unquote(display);
        var rest = text[(close + 1)..].Trim();
        if (rest.Length > 0 && rest[0] != ';')
        {
            return false;
        }

        var parameters = rest.Length == 0 ? [] : HeaderText.ParseParameters(rest[1..]);
        address = new NameAddress(displayName, uri, parameters);
        return true;
    }

    private static bool TryParseAddrSpec(string text, out NameAddress address)
    {
        // RFC 3261 §20: without angle brackets, parameters after the URI belong to the header, not the URI.
        address = null!;
        var semi = text.IndexOf(';', StringComparison.Ordinal);
        var uriText = semi < 0 ? text : text[..semi];
        if (!SipUri.TryParse(uriText, out var uri))
        {
            return false;
        }

        var parameters = semi < 0 ? [] : HeaderText.ParseParameters(text[(semi + 1)..]);
        address = new NameAddress(null, uri, parameters);
        return true;
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        if (DisplayName is not null)
        {
            builder.Append('"').Append(DisplayName.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\" ");
        }

        builder.Append('<').Append(Uri).Append('>');
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
