using System.Text.RegularExpressions;
using Omni.Contracts.Validation;
using Omni.Contracts.V1;

namespace Central.Api.Klantcontacten;

/// <summary>
/// Checks the query string of a REST list request, which JSON transcoding binds leniently: a parameter it does not
/// know is dropped (so "?bsn=..." returned the whole register unfiltered), and "pageSize=0" reads as "not given".
/// A native gRPC call has no query string and passes untouched.
/// </summary>
internal static partial class ListQueryParameters
{
    // The request's fields by JSON name and by proto name; transcoding binds both spellings.
    private static readonly HashSet<string> Known = ListKlantcontactenRequest.Descriptor.Fields.InFieldNumberOrder()
        .SelectMany(field => new[] { field.JsonName, field.Name })
        .ToHashSet(StringComparer.Ordinal);

    private static readonly string PageSizeRange = $"must be between 1 and {ListRequestReader.MaxPageSize}";

    public static void Check(IQueryCollection query, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (name, values) in query)
        {
            if (!Known.Contains(name))
            {
                // The name is the caller's own text: it is named only when it looks like a field name.
                errors.Add(FieldName().IsMatch(name) ? name : "query", "is not a parameter of this list");
            }
            else if (IsPageSize(name) && values.Any(value => value == "0"))
            {
                errors.Add("pageSize", PageSizeRange);
            }
        }
    }

    private static bool IsPageSize(string name) => name is "pageSize" or "page_size";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldName();
}
