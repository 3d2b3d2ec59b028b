using System.Net;

namespace Edge.Sip.Internal;

/// <summary>Whether a request came from one of <see cref="SipOptions.TrustedPeers"/>; the one definition.</summary>
internal static class TrustedPeers
{
    /// <summary>True when <paramref name="source"/> is a trusted peer, also when it arrives IPv4-mapped.</summary>
    public static bool Contains(IReadOnlyList<IPAddress> peers, IPAddress source)
    {
        var plain = Unmap(source);
        return peers.Any(p => Unmap(p).Equals(plain));
    }

    /// <summary>An IPv4 address received on a dual-stack socket (::ffff:a.b.c.d) as plain IPv4.</summary>
    public static IPAddress Unmap(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
