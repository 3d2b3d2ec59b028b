using System.Net;
using Edge.Sip.Internal.Messages;

namespace Edge.Sip.Internal.Calls;

/// <summary>Who is calling: From, or P-Asserted-Identity from a trusted peer (RFC 3325 §9.1), and privacy (RFC 3323).</summary>
internal static class CallerIdentityReader
{
    public static CallerIdentity Read(SipMessage invite, IPAddress source, IReadOnlyList<IPAddress> trustedPeers)
    {
        var asserted = TrustedPeers.Contains(trustedPeers, source) ? ReadAsserted(invite) : null;
        var identity = asserted ?? SipFields.From(invite);
        var anonymous = AsksPrivacy(invite) || IsAnonymous(identity);
        if (anonymous)
        {
            return new CallerIdentity(null, null, true, asserted is not null);
        }

        return new CallerIdentity(identity?.Uri.UnescapedUser, identity?.DisplayName, false, asserted is not null);
    }

    private static NameAddress? ReadAsserted(SipMessage invite)
    {
        // RFC 3325 §9.1: up to one sip/sips and one tel URI; prefer the tel URI's number when both are present.
        NameAddress? chosen = null;
        foreach (var value in invite.GetAll(HeaderNames.PAssertedIdentity))
        {
            if (NameAddress.TryParse(value, out var address) && (chosen is null || address.Uri.Scheme == "tel"))
            {
                chosen = address;
            }
        }

        return chosen;
    }

    private static bool AsksPrivacy(SipMessage invite) =>
        invite.GetAll(HeaderNames.Privacy)
            .SelectMany(v => v.Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Any(v => v.Equals("id", StringComparison.OrdinalIgnoreCase) || v.Equals("user", StringComparison.OrdinalIgnoreCase));

    private static bool IsAnonymous(NameAddress? address) =>
        address is null
        || address.Uri.Host.Equals("anonymous.invalid", StringComparison.OrdinalIgnoreCase)
        || string.Equals(address.Uri.User, "anonymous", StringComparison.OrdinalIgnoreCase);
}
