using Edge.Host.Hosting;
using Google.Protobuf;
using Microsoft.Extensions.Options;
using Omni.Contracts.V1;
using Omni.Contracts.Validation;
using Omni.Sdk;

namespace Edge.Host.Klantcontacten;

/// <summary>
/// POST /api/v1/klantcontacten on the edge: the same body as Central's, answered once the record is durable in
/// the local outbox, so kiosk pages and local tools keep working while Central is away.
/// </summary>
internal sealed partial class KlantcontactenEndpoint(
    IOmniRecorder recorder,
    TimeProvider timeProvider,
    IOptions<EdgeOptions> options,
    ILogger<KlantcontactenEndpoint> logger)
{
    public const string Path = "/api/v1/klantcontacten";

    /// <summary>64 KiB: the largest valid klantcontact (10,000 characters of inhoud) fits several times.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public async Task<IResult> CreateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.HasJsonContentType())
        {
            LogRefused(logger, StatusCodes.Status415UnsupportedMediaType, 1);
            return Problems.UnsupportedMediaType();
        }

        var body = await BoundedBodyReader.ReadAsync(context, MaxBodyBytes, cancellationToken);
        if (body.TooLarge)
        {
            LogRefused(logger, StatusCodes.Status413PayloadTooLarge, 1);
            return Problems.TooLarge(MaxBodyBytes);
        }

        var read = KlantcontactJsonReader.Read(body.Body);
        if (read.Klantcontact is null)
        {
            LogRefused(logger, StatusCodes.Status400BadRequest, read.Errors.Count);
            return Problems.Invalid(read.Errors);
        }

        return await RecordAsync(read.Klantcontact, body.Body.Length, cancellationToken);
    }

    private async Task<IResult> RecordAsync(Klantcontact klantcontact, int size, CancellationToken cancellationToken)
    {
        // The outbox stores the lowercase form (RFC 9562 section 4); the answer names the same resource. A uuid
        // that is not in 8-4-4-4-12 form is left for the recorder to refuse.
        if (klantcontact.Uuid.Length == 0)
        {
            klantcontact.Uuid = Guid.CreateVersion7(timeProvider.GetUtcNow()).ToString("D");
        }
        else if (FieldRules.TryNormalizeUuid(klantcontact.Uuid, out var uuid))
        {
            klantcontact.Uuid = uuid;
        }

        try
        {
            var receipt = await recorder.RecordKlantcontactAsync(klantcontact, cancellationToken);
            return Stored(klantcontact, receipt, size);
        }
        catch (RecordValidationException exception)
        {
            // The recorder applies Central's own rules (Omni.Contracts.Validation) before it stores anything, so
            // what Central would refuse for good is a 400 naming each field now, not a 201 and a dead letter later.
            LogRefused(logger, StatusCodes.Status400BadRequest, exception.Reasons.Count);
            return Problems.Invalid(exception.Reasons.Count > 0 ? exception.Reasons : ["body: refused by the outbox"]);
        }
        catch (RecordDeadLetteredException exception)
        {
            // Central refused this very record for good: answering 200 would report a record that is not there.
            LogDeadLetteredReplay(logger, exception.RecordId);
            return Problems.DeadLettered(exception.Reason);
        }
        catch (RecordConflictException exception)
        {
            // The outbox holds other content under this uuid: answering 200 would report a record that was lost.
            LogConflict(logger, exception.RecordId);
            return Problems.Conflict();
        }
        catch (OutboxFullException)
        {
            LogOutboxFull(logger);
            return Problems.OutboxFull(options.Value.OutboxFullRetryAfterSeconds);
        }
    }

    private IResult Stored(Klantcontact klantcontact, RecordReceipt receipt, int size)
    {
        var json = JsonFormatter.Default.Format(klantcontact);
        if (receipt.AlreadyRecorded)
        {
            LogReplayed(logger, receipt.RecordId, receipt.Sequence);
            return Results.Content(json, "application/json", statusCode: StatusCodes.Status200OK);
        }

        LogRecorded(logger, receipt.RecordId, receipt.Sequence, size);

        // Limitation: the edge serves no GET for this path; the Location is Central's resource for the same uuid.
        return new CreatedJsonResult(Path + "/" + klantcontact.Uuid, json);
    }
}
