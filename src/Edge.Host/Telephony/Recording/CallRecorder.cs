using Edge.Host.Telephony.Ivr;
using Microsoft.Extensions.Options;
using Omni.Sdk;

namespace Edge.Host.Telephony.Recording;

/// <summary>
/// Records a call's klantcontact and, right after it, its follow-up task through the SDK's outbox, so calls are
/// recorded while Central is down.
/// </summary>
/// <remarks>
/// Limitation: a call is recorded when it ends, so a call in progress when the process is killed (kill -9, power
/// loss) is not recorded at all; a SIGTERM ends and records every call first. Recording it at the answer as well
/// would need a second, provisional record that the end replaces, which the append-only outbox has no way to do yet.
/// </remarks>
internal sealed partial class CallRecorder
{
    // The outbox is a local file; if it cannot take a record in this time, something is broken.
    private static readonly TimeSpan RecordTimeout = TimeSpan.FromSeconds(10);

    private readonly IOmniRecorder _recorder;
    private readonly TimeProvider _time;
    private readonly string _deviceId;
    private readonly ILogger<CallRecorder> _logger;

    public CallRecorder(
        IOmniRecorder recorder,
        TimeProvider time,
        IOptions<TelephonyOptions> options,
        ILogger<CallRecorder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _recorder = recorder;
        _time = time;
        _deviceId = options.Value.DeviceId;
        _logger = logger;
    }

    /// <summary>
    /// Records the call once, with <paramref name="journal"/>'s outcome and the current time as its end. Returns
    /// whether both records are durable; a failure is logged, never thrown, because the caller is still on the line.
    /// </summary>
    public async Task<bool> RecordAsync(CallJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        if (journal.RecordAttempted)
        {
            return false;
        }

        journal.RecordAttempted = true;
        var now = _time.GetUtcNow();
        var klantcontact = CallRecordFactory.CreateKlantcontact(journal, _deviceId, now);
        var taak = CallRecordFactory.CreateInterneTaak(journal, Guid.CreateVersion7(now), now);

        // Not the call's token: a call that ends because the caller hung up, or because the host stops,
        // must still be recorded. The bound keeps a stuck outbox from holding the call forever.
        using var timeout = new CancellationTokenSource(RecordTimeout, _time);
        return await TryRecordAsync(journal, klantcontact, taak, timeout.Token);
    }

    private async Task<bool> TryRecordAsync(
        CallJournal journal,
        Omni.Contracts.V1.Klantcontact klantcontact,
        Omni.Contracts.V1.InterneTaak? taak,
        CancellationToken cancellationToken)
    {
        try
        {
            await _recorder.RecordKlantcontactAsync(klantcontact, cancellationToken);
            if (taak is not null)
            {
                await _recorder.RecordInterneTaakAsync(taak, cancellationToken);
            }

            LogRecorded(journal.KlantcontactId, journal.Outcome, taak?.Soort);
            return true;
        }
        catch (OutboxFullException)
        {
            LogOutboxFull(journal.KlantcontactId);
        }
        catch (RecordConflictException)
        {
            LogConflict(journal.KlantcontactId);
        }
        catch (RecordValidationException exception)
        {
            // Reasons name fields only, never values (Omni.Sdk contract), so they are safe to log.
            LogRejected(journal.KlantcontactId, string.Join("; ", exception.Reasons));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(journal.KlantcontactId, RecordTimeout);
        }

        return false;
    }
}
