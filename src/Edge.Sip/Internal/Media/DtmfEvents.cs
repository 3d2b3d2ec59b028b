namespace Edge.Sip.Internal.Media;

/// <summary>The DTMF event codes of RFC 4733 §3.2 (table 3): 0–9, * = 10, # = 11, A–D = 12–15.</summary>
internal static class DtmfEvents
{
    private const string Digits = "0123456789*#ABCD";

    public static bool TryGetDigit(byte eventCode, out char digit)
    {
        var known = eventCode < Digits.Length;
        digit = known ? Digits[eventCode] : '\0';
        return known;
    }

    public static bool TryGetEventCode(char digit, out byte eventCode)
    {
        var index = Digits.IndexOf(char.ToUpperInvariant(digit), StringComparison.Ordinal);
        eventCode = (byte)Math.Max(index, 0);
        return index >= 0;
    }
}
