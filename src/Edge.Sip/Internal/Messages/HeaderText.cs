using System.Text;

namespace Edge.Sip.Internal.Messages;

/// <summary>Lexical helpers for header values: lists, quoted strings and parameters (RFC 3261 §25.1).</summary>
internal static class HeaderText
{
    /// <summary>Splits a comma list, ignoring commas inside quoted strings and inside &lt;...&gt;.</summary>
    public static List<string> SplitList(string value)
    {
        var items = new List<string>();
        var start = 0;
        var inQuotes = false;
        var inAngle = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == '<')
            {
                inAngle = true;
            }
            else if (c == '>')
            {
                inAngle = false;
            }
            else if (c == ',' && !inAngle)
            {
                AddTrimmed(items, value[start..i]);
                start = i + 1;
            }
        }

        AddTrimmed(items, value[start..]);
        return items;
    }

    /// <summary>Removes the quotes and backslash escapes of a quoted-string (RFC 3261 §25.1 quoted-pair).</summary>
    public static string Unquote(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length < 2 || trimmed[0] != '"' || trimmed[^1] != '"')
        {
            return trimmed;
        }

        var builder = new StringBuilder(trimmed.Length);
        for (var i = 1; i < trimmed.Length - 1; i++)
        {
            if (trimmed[i] == '\\' && i + 1 < trimmed.Length - 1)
            {
                i++;
            }

            builder.Append(trimmed[i]);
        }

        return builder.ToString();
    }

    /// <summary>Index of <paramref name="target"/> outside quoted strings and angle brackets, or -1.</summary>
    public static int IndexOfUnquoted(string value, char target, int start = 0)
    {
        var inQuotes = false;
        var inAngle = false;
        for (var i = start; i < value.Length; i++)
        {
            var c = value[i];
            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }

                continue;
            }

            if (c == target && !inAngle)
            {
                return i;
            }

            inQuotes = c == '"';
            inAngle = c == '<' || (inAngle && c != '>');
        }

        return -1;
    }

    /// <summary>Parses ";name=value;flag" parameters (names lower-cased, values as written, quotes kept).</summary>
    public static List<KeyValuePair<string, string?>> ParseParameters(string text)
    {
        var result = new List<KeyValuePair<string, string?>>();
        var position = 0;
        while (position < text.Length)
        {
            var next = IndexOfUnquoted(text, ';', position);
            var part = (next < 0 ? text[position..] : text[position..next]).Trim();
            if (part.Length > 0)
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                var name = (eq < 0 ? part : part[..eq]).Trim().ToLowerInvariant();
                var paramValue = eq < 0 ? null : part[(eq + 1)..].Trim();
                result.Add(new KeyValuePair<string, string?>(name, paramValue));
            }

            if (next < 0)
            {
                break;
            }

            position = next + 1;
        }

        return result;
    }

    /// <summary>Whether every character is a SIP token character (RFC 3261 §25.1).</summary>
    public static bool IsToken(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsTokenChar(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "-.!%*_+`'~".Contains(c, StringComparison.Ordinal);

    private static void AddTrimmed(List<string> items, string item)
    {
        var trimmed = item.Trim();
        if (trimmed.Length > 0)
        {
            items.Add(trimmed);
        }
    }
}
