using System.Collections.Frozen;

namespace Edge.Sip.Internal.Messages;

/// <summary>Canonical header names and their compact forms (RFC 3261 §7.3.3, RFC 3515, RFC 3265).</summary>
internal static class HeaderNames
{
    public const string Via = "Via";
    public const string From = "From";
    public const string To = "To";
    public const string CallId = "Call-ID";
    public const string CSeq = "CSeq";
    public const string Contact = "Contact";
    public const string MaxForwards = "Max-Forwards";
    public const string ContentLength = "Content-Length";
    public const string ContentType = "Content-Type";
    public const string Route = "Route";
    public const string RecordRoute = "Record-Route";
    public const string Allow = "Allow";
    public const string Accept = "Accept";
    public const string Supported = "Supported";
    public const string Require = "Require";
    public const string Unsupported = "Unsupported";
    public const string RetryAfter = "Retry-After";
    public const string UserAgent = "User-Agent";
    public const string Server = "Server";
    public const string Event = "Event";
    public const string SubscriptionState = "Subscription-State";
    public const string ReferTo = "Refer-To";
    public const string ReferredBy = "Referred-By";
    public const string PAssertedIdentity = "P-Asserted-Identity";
    public const string Privacy = "Privacy";
    public const string ContentEncoding = "Content-Encoding";
    public const string Subject = "Subject";
    public const string ProxyRequire = "Proxy-Require";
    public const string AcceptEncoding = "Accept-Encoding";
    public const string AcceptLanguage = "Accept-Language";
    public const string Warning = "Warning";
    public const string AllowEvents = "Allow-Events";

    private static readonly FrozenDictionary<string, string> Canonical = BuildCanonical();

    private static readonly FrozenSet<string> ListHeaders = new[]
    {
        Via, Route, RecordRoute, Contact, Allow, Accept, Supported, Require, Unsupported, ProxyRequire,
        AcceptEncoding, AcceptLanguage, ContentEncoding, PAssertedIdentity, AllowEvents,
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Maps any spelling or compact form to the canonical name; unknown names are kept as written.</summary>
    public static string Canonicalize(string name) => Canonical.TryGetValue(name, out var canonical) ? canonical : name;

    /// <summary>Whether the header's grammar is a comma-separated list (RFC 3261 §7.3.1).</summary>
    public static bool IsList(string canonicalName) => ListHeaders.Contains(canonicalName);

    private static FrozenDictionary<string, string> BuildCanonical()
    {
        var names = new[]
        {
            Via, From, To, CallId, CSeq, Contact, MaxForwards, ContentLength, ContentType, Route, RecordRoute,
            Allow, Accept, Supported, Require, Unsupported, RetryAfter, UserAgent, Server, Event, SubscriptionState,
            ReferTo, ReferredBy, PAssertedIdentity, Privacy, ContentEncoding, Subject, ProxyRequire,
            AcceptEncoding, AcceptLanguage, Warning, AllowEvents,
        };
        var map = names.ToDictionary(n => n, n => n, StringComparer.OrdinalIgnoreCase);
        map["v"] = Via;
        map["f"] = From;
        map["t"] = To;
        map["i"] = CallId;
        map["m"] = Contact;
        map["l"] = ContentLength;
        map["c"] = ContentType;
        map["k"] = Supported;
        map["s"] = Subject;
        map["e"] = ContentEncoding;
        map["o"] = Event;
        map["r"] = ReferTo;
        map["b"] = ReferredBy;
        map["u"] = AllowEvents;
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
