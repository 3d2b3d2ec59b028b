namespace Edge.Sip.Internal.Messages;

/// <summary>Builds a response to a request (RFC 3261 §8.2.6): Via in order, From, To (+tag), Call-ID, CSeq copied.</summary>
internal static class ResponseFactory
{
    public static SipMessage Create(SipMessage request, int code, string? localTag, string? reason = null)
    {
        var response = SipMessage.Response(code, reason ?? ReasonPhrases.For(code));
        foreach (var via in request.GetAll(HeaderNames.Via))
        {
            response.Add(HeaderNames.Via, via);
        }

        response.Add(HeaderNames.From, request.Get(HeaderNames.From) ?? string.Empty);
        response.Add(HeaderNames.To, WithTag(request.Get(HeaderNames.To) ?? string.Empty, code, localTag));
        response.Add(HeaderNames.CallId, request.Get(HeaderNames.CallId) ?? string.Empty);
        response.Add(HeaderNames.CSeq, request.Get(HeaderNames.CSeq) ?? string.Empty);
        return response;
    }

    private static string WithTag(string to, int code, string? localTag)
    {
        // §8.2.6.2: add our tag unless the To already has one; a 100 Trying carries none.
        if (code == 100 || localTag is null || (NameAddress.TryParse(to, out var parsed) && parsed.Tag is not null))
        {
            return to;
        }

        return to + ";tag=" + localTag;
    }
}
