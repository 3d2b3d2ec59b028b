using System.Net;
using Edge.Host.Telephony.Calls;
using Microsoft.Extensions.Options;

namespace Edge.Host.Telephony.Callers;

/// <summary>Decides which caller number, if any, the gateway may use to recognise the caller and call back.</summary>
internal sealed class CallerNumberResolver
{
    private readonly HashSet<IPAddress> _trustedPeers;

    public CallerNumberResolver(IOptions<TelephonyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _trustedPeers = [.. options.Value.TrustedTrunkPeers.Select(ParsePeer).OfType<IPAddress>()];
    }

    /// <summary>Resolves the caller's number in E.164, and where it came from.</summary>
    public CallerNumber Resolve(CallerIdentity caller)
    {
        ArgumentNullException.ThrowIfNull(caller);

        // RFC 3323 §4.2: a caller who asks for privacy gets it, also from us: no number is kept.
        if (caller.PrivacyRequested)
        {
            return CallerNumber.Withheld;
        }

        var asserted = IsTrusted(caller.SignallingPeer) ? FromAssertedIdentity(caller.PAssertedIdentity) : null;
        if (asserted is not null)
        {
            return new CallerNumber(asserted, CallerNumberSource.PAssertedIdentity);
        }

        var from = PhoneNumberNormalizer.ToE164(caller.From);
        return from is null ? CallerNumber.Withheld : new CallerNumber(from, CallerNumberSource.From);
    }

    // RFC 3325 §5: a P-Asserted-Identity counts only when it comes from inside our trust domain;
    // from anyone else it is ignored.
    private bool IsTrusted(IPAddress? peer) =>
        peer is not null && _trustedPeers.Contains(peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer);

    // RFC 3325 §9.1: the header may hold a sip and a tel URI, separated by a comma.
    private static string? FromAssertedIdentity(string? header) =>
        header is null ? null : SplitValues(header).Select(PhoneNumberNormalizer.ToE164).FirstOrDefault(n => n is not null);

    private static IEnumerable<string> SplitValues(string header)
    {
        var start = 0;
        var inBrackets = false;
        var inQuotes = false;
        for (var i = 0; i < header.Length; i++)
        {
            var c = header[i];
            inQuotes ^= c == '"';
            inBrackets = !inQuotes && (c == '<' || (inBrackets && c != '>'));
            if (c == ',' && !inQuotes && !inBrackets)
            {
                yield return header[start..i];
                start = i + 1;
            }
        }

        yield return header[start..];
    }

    private static IPAddress? ParsePeer(string peer) => IPAddress.TryParse(peer, out var address) ? address : null;
}
