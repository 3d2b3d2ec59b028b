using PhoneNumbers;

namespace Edge.Host.Telephony.Callers;

/// <summary>
/// Turns the number in a From or P-Asserted-Identity value into E.164, or nothing when there is no usable number.
/// </summary>
internal static class PhoneNumberNormalizer
{
    private const string DefaultRegion = "NL";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Normalises a SIP/tel URI, name-addr or bare dialled number; null for anonymous or garbage.</summary>
    public static string? ToE164(string? value)
    {
        var candidate = SipUriUserPart.Extract(value);
        if (candidate is null || !LooksLikeDialString(candidate))
        {
            return null;
        }

        return Parse(candidate);
    }

    // Only visual separators may accompany the digits (RFC 3966 §3); letters would let the parser
    // read "vanity" numbers out of words such as "anonymous".
    private static bool LooksLikeDialString(string candidate)
    {
        var digits = 0;
        foreach (var c in candidate)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not ('+' or ' ' or '-' or '.' or '(' or ')'))
            {
                return false;
            }
        }

        return digits > 0 && candidate.LastIndexOf('+') <= 0;
    }

    private static string? Parse(string candidate)
    {
        try
        {
            var number = Util.Parse(candidate, DefaultRegion);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            // The library reports unparsable input only by throwing; for a caller id that is an expected value.
            return null;
        }
    }
}
