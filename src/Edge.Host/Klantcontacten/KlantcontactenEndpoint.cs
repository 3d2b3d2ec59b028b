using Edge.Host.Hosting;
using Google.Protobuf;
using Microsoft.Extensions.Options;
using Omni.Contracts.V1;
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

    private static readonly DateTimeOffset EarliestTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

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
        var errors = CheckBeforeStoring(klantcontact);
        if (errors.Count > 0)
        {
            LogRefused(logger, StatusCodes.Status400BadRequest, errors.Count);
            return Problems.Invalid(errors);
        }

        // The outbox stores the lowercase form (RFC 9562 section 4); the answer names the same resource.
        klantcontact.Uuid = klantcontact.Uuid.Length == 0
            ? Guid.CreateVersion7(timeProvider.GetUtcNow()).ToString("D")
            : Guid.ParseExact(klantcontact.Uuid, "D").ToString("D");

        try
        {
            var receipt = await recorder.RecordKlantcontactAsync(klantcontact, cancellationToken);
            return Stored(klantcontact, receipt, size);
        }
        catch (RecordValidationException exception)
        {
            LogRefused(logger, StatusCodes.Status400BadRequest, exception.Reasons.Count);
            return Problems.Invalid(exception.Reasons.Count > 0 ? exception.Reasons : ["body: refused by the outbox"]);
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

    /// <summary>
    /// What Central refuses for good and the outbox does not check: refusing it here gives the caller a 400 now
    /// instead of a dead letter hours later, after the caller was told "stored".
    /// </summary>
    private List<string> CheckBeforeStoring(Klantcontact klantcontact)
    {
        var errors = new List<string>();
        if (klantcontact.Uuid.Length > 0 && !Guid.TryParseExact(klantcontact.Uuid, "D", out _))
        {
            errors.Add("uuid: must be a UUID in 8-4-4-4-12 form");
        }

        // Limitation: Central's other rules (lengths of references, E.164 adressen) are checked only at Central,
        // so such a record becomes a dead letter; the rules belong in one shared validator.
        if (klantcontact.PlaatsgevondenOp is null)
        {
            errors.Add("plaatsgevondenOp: is required");
        }
        else
        {
            CheckTimeWindow(errors, klantcontact.PlaatsgevondenOp.ToDateTimeOffset());
        }

        return errors;
    }

    /// <summary>
    /// Central's window for a time that happened (Central.Api FieldRules.PastTime). Central checks the future
    /// bound when the record arrives, seconds after capture while it is reachable, so checking it now is what
    /// Central will decide; a record refused here is answered 400 instead of becoming a dead letter.
    /// </summary>
    private void CheckTimeWindow(List<string> errors, DateTimeOffset plaatsgevondenOp)
    {
        if (plaatsgevondenOp < EarliestTime)
        {
            errors.Add("plaatsgevondenOp: must not be before 2000-01-01");
        }
        else if (plaatsgevondenOp > timeProvider.GetUtcNow() + MaxClockSkew)
        {
            errors.Add("plaatsgevondenOp: must not be more than 5 minutes in the future");
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
