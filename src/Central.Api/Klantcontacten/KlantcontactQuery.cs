namespace Central.Api.Klantcontacten;

/// <summary>
/// A validated list request. Bounds are Unix nanoseconds (from inclusive, to exclusive); the cursor
/// says from which server sequence to read, and in which direction.
/// </summary>
internal sealed record KlantcontactQuery(
    int? Kanaal,
    string? JourneyId,
    long? FromNanos,
    long? ToNanos,
    int PageSize,
    ListCursor? Cursor);
