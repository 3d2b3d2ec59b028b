namespace Edge.Host.Telephony.Callers;

/// <summary>Finds the user part (the dialled number) in a From or P-Asserted-Identity header value.</summary>
internal static class SipUriUserPart
{
    /// <summary>
    /// Returns the user part of a sip:, sips: or tel: URI inside a name-addr or addr-spec, or the value itself
    /// when it carries no scheme; null when there is nothing.
    /// </summary>
    public static string? Extract(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var uri = InsideAngleBrackets(value.Trim());
        var afterScheme = StripScheme(uri, out var scheme);
        var user = scheme switch
        {
            "sip" or "sips" => BeforeHost(afterScheme),
            _ => afterScheme,
        };
        var withoutParameters = user.Split(';', 2)[0];
        return Unescape(withoutParameters).Trim();
    }

    // RFC 3261 §20.10: a display name may precede the URI, which then sits between '<' and '>'.
    private static string InsideAngleBrackets(string value)
    {
        var open = value.IndexOf('<', StringComparison.Ordinal);
        var close = open < 0 ? -1 : value.IndexOf('>', open + 1);
        return open >= 0 && close > open ? value[(open + 1)..close] : value;
    }

    private static string StripScheme(string uri, out string scheme)
    {
        foreach (var candidate in (string[])["sips", "sip", "tel"])
        {
            if (uri.StartsWith(candidate + ":", StringComparison.OrdinalIgnoreCase))
            {
                scheme = candidate;
                return uri[(candidate.Length + 1)..];
            }
        }

        scheme = string.Empty;
        return uri;
    }

    private static string BeforeHost(string afterScheme)
    {
        var at = afterScheme.LastIndexOf('@');
        if (at < 0)
        {
            return string.Empty;
        }

        // RFC 3261 §19.1.1: userinfo may carry ":password"; only the user is the number.
        return afterScheme[..at].Split(':', 2)[0];
    }

    private static string Unescape(string user)
    {
        try
        {
            return Uri.UnescapeDataString(user);
        }
        catch (UriFormatException)
        {
            return string.Empty;
        }
    }
}
