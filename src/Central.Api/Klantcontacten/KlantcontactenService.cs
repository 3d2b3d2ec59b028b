using Central.Api.Hosting;
using Grpc.Core;
using Omni.Contracts.V1;
using Omni.Contracts.Validation;

namespace Central.Api.Klantcontacten;

/// <summary>
/// The klantcontacten register over gRPC, and over REST through JSON transcoding (the google.api.http
/// annotations in klantcontacten.proto). Errors carry the reasons (field names), never the values.
/// </summary>
internal sealed partial class KlantcontactenService(
    IKlantcontactStore store,
    TimeProvider timeProvider,
    ILogger<KlantcontactenService> logger) : Omni.Contracts.V1.Klantcontacten.KlantcontactenBase
{
    public override async Task<Klantcontact> CreateKlantcontact(
        CreateKlantcontactRequest request,
        ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var now = timeProvider.GetUtcNow();
        var klantcontact = ValidateForCreate(request, now, context);
        var result = await store.CreateAsync(klantcontact, now, context.CancellationToken);
        switch (result.Outcome)
        {
            case CreateOutcome.Created:
                Log.Created(logger, klantcontact.Uuid);
                RestStatus.MarkCreated(context, $"/api/v1/klantcontacten/{klantcontact.Uuid}");
                return result.Stored!;
            case CreateOutcome.AlreadyStored:
                Log.AlreadyStored(logger, klantcontact.Uuid);
                return result.Stored!;
            default:
                Log.Conflict(logger, klantcontact.Uuid);
                throw new RpcException(new Status(StatusCode.AlreadyExists,
                    "uuid: a klantcontact with this uuid and different content exists"));
        }
    }

    public override async Task<Klantcontact> GetKlantcontact(GetKlantcontactRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (!FieldRules.TryNormalizeUuid(request.Uuid, out var uuid))
        {
            throw Invalid(context, "uuid: must be a UUID in 8-4-4-4-12 form");
        }

        return await store.GetAsync(uuid, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "klantcontact not found"));
    }

    public override async Task<ListKlantcontactenResponse> ListKlantcontacten(
        ListKlantcontactenRequest request,
        ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new FieldErrors();
        ListQueryParameters.Check(context.GetHttpContext().Request.Query, errors);
        var query = ListRequestReader.Read(request, errors);
        if (query is null)
        {
            Log.Invalid(logger, "ListKlantcontacten", errors.Reasons.Count);
            throw Invalid(context, errors.ToString());
        }

        var page = await store.ListAsync(query, context.CancellationToken);
        var response = new ListKlantcontactenResponse
        {
            Count = page.Count,
            Next = page.Next is null ? string.Empty : ListLinks.Build(request, page.Next),
            Previous = page.Previous is null ? string.Empty : ListLinks.Build(request, page.Previous),
        };
        response.Results.AddRange(page.Results);
        return response;
    }

    private Klantcontact ValidateForCreate(
        CreateKlantcontactRequest request,
        DateTimeOffset now,
        ServerCallContext context)
    {
        var errors = new FieldErrors();
        if (request.Klantcontact is null)
        {
            errors.Add("klantcontact", "is required");
        }
        else
        {
            KlantcontactValidator.Validate(request.Klantcontact, now, errors);
        }

        if (!errors.IsEmpty)
        {
            Log.Invalid(logger, "CreateKlantcontact", errors.Reasons.Count);
            throw Invalid(context, errors.ToString());
        }

        // The uuid is stored in one spelling so that "A1..." and "a1..." are the same contact.
        var klantcontact = request.Klantcontact!.Clone();
        FieldRules.TryNormalizeUuid(klantcontact.Uuid, out var uuid);
        klantcontact.Uuid = uuid;
        return klantcontact;
    }

    // Marked so the REST error body passes ValueRedactionMiddleware: these reasons name fields, never values.
    private static RpcException Invalid(ServerCallContext context, string reasons)
    {
        RestErrorMarker.MarkOwnError(context.GetHttpContext());
        return new RpcException(new Status(StatusCode.InvalidArgument, reasons));
    }
}
