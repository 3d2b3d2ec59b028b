using Central.Api.Storage;
using Google.Protobuf.WellKnownTypes;
using Omni.Contracts.V1;
using Omni.Contracts.Validation;

namespace Central.Api.Klantcontacten;

/// <summary>Turns a list request into a <see cref="KlantcontactQuery"/>, or collects why it cannot.</summary>
internal static class ListRequestReader
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    public static KlantcontactQuery? Read(ListKlantcontactenRequest request, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        FieldRules.DefinedEnum(errors, "kanaal", request.Kanaal, required: false);
        FieldRules.MaxLength(errors, "journeyId", request.JourneyId, 100);
        CheckBound(errors, "plaatsgevondenOpVanaf", request.PlaatsgevondenOpVanaf);
        CheckBound(errors, "plaatsgevondenOpTot", request.PlaatsgevondenOpTot);
        CheckPeriod(errors, request.PlaatsgevondenOpVanaf, request.PlaatsgevondenOpTot);

        // proto3 cannot tell an absent page_size from 0, so 0 means "not given" and takes the default. A REST
        // caller who writes pageSize=0 is refused by ListQueryParameters, which sees the query string.
        // Limitation: a gRPC caller cannot be told apart, because 0 is not on the wire; making the field
        // `optional` in klantcontacten.proto would change the shared contract, which this service does not own.
        if (request.PageSize is < 0 or > MaxPageSize)
        {
            errors.Add("pageSize", $"must be between 1 and {MaxPageSize}");
        }

        ListCursor? cursor = null;
        if (request.Cursor.Length > 0 && !ListCursor.TryParse(request.Cursor, out cursor))
        {
            errors.Add("cursor", "is not a cursor from this API");
        }

        return errors.IsEmpty ? ToQuery(request, cursor) : null;
    }

    private static void CheckBound(FieldErrors errors, string field, Timestamp? bound)
    {
        if (bound is not null && !FieldRules.IsValidTimestamp(bound))
        {
            errors.Add(field, "is not a valid timestamp");
        }
    }

    // Bounds that cross leave no time in between: refused rather than answered with an empty page. Equal bounds
    // are an empty period by definition (from inclusive, to exclusive) and are allowed.
    private static void CheckPeriod(FieldErrors errors, Timestamp? from, Timestamp? to)
    {
        if (from is not null && to is not null && FieldRules.IsValidTimestamp(from) && FieldRules.IsValidTimestamp(to)
            && from > to)
        {
            errors.Add("plaatsgevondenOpTot", "must not be before plaatsgevondenOpVanaf");
        }
    }

    private static KlantcontactQuery ToQuery(ListKlantcontactenRequest request, ListCursor? cursor) =>
        new(
            request.Kanaal == Kanaal.Unspecified ? null : (int)request.Kanaal,
            request.JourneyId.Length == 0 ? null : request.JourneyId,
            request.PlaatsgevondenOpVanaf is null ? null : UnixTime.ToNanos(request.PlaatsgevondenOpVanaf),
            request.PlaatsgevondenOpTot is null ? null : UnixTime.ToNanos(request.PlaatsgevondenOpTot),
            request.PageSize == 0 ? DefaultPageSize : request.PageSize,
            cursor);
}
