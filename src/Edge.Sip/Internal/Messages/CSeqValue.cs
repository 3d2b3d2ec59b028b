using System.Globalization;

namespace Edge.Sip.Internal.Messages;

/// <summary>A CSeq value: sequence number below 2**31 and method (RFC 3261 §8.1.1.5).</summary>
internal readonly record struct CSeqValue(long Number, string Method)
{
    public static bool TryParse(string? text, out CSeqValue value)
    {
        value = default;
        var parts = (text ?? string.Empty).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !HeaderText.IsToken(parts[1]) || parts[0].Length > 10)
        {
            return false;
        }

        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number >= 1L << 31)
        {
            return false;
        }

        value = new CSeqValue(number, parts[1]);
        return true;
    }

    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture) + " " + Method;
}
