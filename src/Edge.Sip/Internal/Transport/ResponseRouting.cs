using System.Globalization;
using System.Net;
using Edge.Sip.Internal.Messages;

namespace Edge.Sip.Internal.Transport;

/// <summary>Where responses go: RFC 3261 §18.2.1/§18.2.2 with rport (RFC 3581 §4).</summary>
internal static class ResponseRouting
{
    /// <summary>
    /// Fills received and rport in the request's top Via (so responses copy them) and returns the target.
    /// </summary>
    public static SendTarget Prepare(SipMessage request, InboundContext source)
    {
        if (!ViaValue.TryParse(request.Get(HeaderNames.Via), out var via))
        {
            return new SendTarget(source.Kind, source.Remote, source.Connection);
        }

        var sourceAddress = source.Remote.Address.IsIPv4MappedToIPv6 ? source.Remote.Address.MapToIPv4() : source.Remote.Address;
        var sourceText = sourceAddress.ToString();
        var sentByIsSource = IPAddress.TryParse(via.HostWithoutBrackets(), out var sentBy) && sentBy.Equals(sourceAddress);
        if (!sentByIsSource || via.HasRport)
        {
            via = via.WithParameter("received", sourceText);
        }

        if (via.HasRport)
        {
            via = via.WithParameter("rport", source.Remote.Port.ToString(CultureInfo.InvariantCulture));
        }

        request.ReplaceTopVia(via.ToString());
        return TargetFor(via, source, sourceAddress);
    }

    private static SendTarget TargetFor(ViaValue via, InboundContext source, IPAddress sourceAddress)
    {
        if (source.Kind == TransportKind.Tcp)
        {
            // §18.2.2: over a reliable transport, answer on the connection the request came in on; if it has
            // closed, open one to the source address and the sent-by port.
            var fallback = new IPEndPoint(sourceAddress, via.Port ?? 5060);
            return new SendTarget(TransportKind.Tcp, fallback, source.Connection);
        }

        if (via.HasRport)
        {
            // RFC 3581 §4: back to the source address and port.
            return new SendTarget(TransportKind.Udp, source.Remote, null);
        }

        // Limitation: maddr and DNS names in sent-by are not resolved; without a usable IP we use the source address.
        var port = via.Port ?? 5060;
        var host = via.Parameter("received") is { } received && IPAddress.TryParse(received, out var r) ? r
            : IPAddress.TryParse(via.HostWithoutBrackets(), out var h) ? h : sourceAddress;
        return new SendTarget(TransportKind.Udp, new IPEndPoint(host, port), null);
    }

    private static string HostWithoutBrackets(this ViaValue via) => via.Host.Trim('[', ']');
}
