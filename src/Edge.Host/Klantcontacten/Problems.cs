using System.Globalization;

namespace Edge.Host.Klantcontacten;

/// <summary>RFC 9457 problem details for the refusals of this API; they name fields, never their values.</summary>
internal static class Problems
{
    public static IResult Invalid(IReadOnlyList<string> errors) => Results.Problem(
        title: "The klantcontact is invalid.",
        detail: string.Join("; ", errors),
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>409 like Central's REST API answers the same case: the uuid names another record's content.</summary>
    public static IResult Conflict()
    {
        const string error = "uuid: already recorded with other content; send a new uuid for a new klantcontact";
        return Results.Problem(
            title: "The uuid is already recorded with other content.",
            detail: error,
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["errors"] = new[] { error } });
    }

    /// <summary>
    /// 422: the same record was recorded before and Central refused it for good (it is a dead letter). The
    /// reason is Central's, which names fields, never values.
    /// </summary>
    public static IResult DeadLettered(string reason) => Results.Problem(
        title: "Central refused this klantcontact for good; it is a dead letter on this edge.",
        detail: reason,
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?> { ["errors"] = new[] { reason } });

    public static IResult UnsupportedMediaType() => Results.Problem(
        title: "The body must be JSON.",
        detail: "Content-Type: must be application/json",
        statusCode: StatusCodes.Status415UnsupportedMediaType);

    public static IResult TooLarge(int limit) => Results.Problem(
        title: "The body is too large.",
        detail: string.Create(CultureInfo.InvariantCulture, $"body: must be at most {limit} bytes"),
        statusCode: StatusCodes.Status413PayloadTooLarge);

    public static IResult OutboxFull(int retryAfterSeconds) => new RetryAfterResult(
        Results.Problem(
            title: "The outbox is full.",
            detail: "Nothing was stored; retry once the device has delivered its backlog to Central.",
            statusCode: StatusCodes.Status503ServiceUnavailable),
        retryAfterSeconds);
}
