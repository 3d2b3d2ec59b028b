using System.Globalization;
using System.Text;

namespace Edge.Sip.Internal.Calls;

/// <summary>Reads a digit from an INFO body: application/dtmf-relay ("Signal=5") or application/dtmf ("5").</summary>
internal static class DtmfInfo
{
    public const string RelayType = "application/dtmf-relay";
    public const string DtmfType = "application/dtmf";

    public static bool IsSupported(string contentType) => contentType is RelayType or DtmfType;

    public static char? Read(string contentType, byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        if (contentType == DtmfType)
        {
            return Normalize(text.Trim());
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && line[..eq].Trim().Equals("Signal", StringComparison.OrdinalIgnoreCase))
            {
                return Normalize(line[(eq + 1)..].Trim());
            }
        }

        return null;
    }

    private static char? Normalize(string value)
    {
        if (value.Length == 1 && "0123456789*#ABCDabcd".Contains(value[0], StringComparison.Ordinal))
        {
            return char.ToUpperInvariant(value[0]);
        }

        // Some gateways send the RFC 4733 event number: 10 = *, 11 = #, 12-15 = A-D.
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 10 and <= 15
            ? "*#ABCD"[number - 10]
            : null;
    }
}
