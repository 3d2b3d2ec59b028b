using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Omni.Contracts.V1;

namespace Central.Api.Klantcontacten;

/// <summary>
/// Builds the relative next/previous URLs of a list response: the same filters as the request, with the
/// new cursor, so a client follows them without rebuilding the query.
/// </summary>
internal static class ListLinks
{
    private const string Path = "/api/v1/klantcontacten";

    public static string Build(ListKlantcontactenRequest request, ListCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cursor);
        var query = new StringBuilder();
        if (request.Kanaal != Kanaal.Unspecified)
        {
            // The proto value name ("telefoon") is what transcoding accepts back in a query string.
            var kanaal = KanaalReflection.Descriptor.EnumTypes[0].FindValueByNumber((int)request.Kanaal);
            Append(query, "kanaal", kanaal.Name);
        }

        Append(query, "journeyId", request.JourneyId);
        Append(query, "plaatsgevondenOpVanaf", Format(request.PlaatsgevondenOpVanaf));
        Append(query, "plaatsgevondenOpTot", Format(request.PlaatsgevondenOpTot));
        var pageSize = request.PageSize == 0 ? string.Empty : request.PageSize.ToString(CultureInfo.InvariantCulture);
        Append(query, "pageSize", pageSize);
        Append(query, "cursor", cursor.ToToken());
        return $"{Path}?{query}";
    }

    private static void Append(StringBuilder query, string name, string value)
    {
        if (value.Length == 0)
        {
            return;
        }

        if (query.Length > 0)
        {
            query.Append('&');
        }

        query.Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }

    // The protobuf JSON form (RFC 3339, UTC) is what transcoding parses back from the query string.
    private static string Format(Timestamp? timestamp) =>
        timestamp is null ? string.Empty : JsonFormatter.Default.Format(timestamp).Trim('"');
}
