using Edge.Host.Telephony.Callers;
using Edge.Host.Telephony.Calls;
using Edge.Host.Telephony.Recording;

namespace Edge.Host.Telephony.Ivr;

/// <summary>Runs one incoming call through the IVR and makes sure it becomes exactly one klantcontact.</summary>
internal sealed partial class IvrCallHandler
{
    // Hanging up at the end must happen even when the host is stopping; this bounds how long it may take.
    private static readonly TimeSpan HangUpTimeout = TimeSpan.FromSeconds(5);

    private readonly IvrMenuProvider _menus;
    private readonly OpeningHoursCalendar _calendar;
    private readonly CallerNumberResolver _resolver;
    private readonly CallerHasher _hasher;
    private readonly CallRecorder _recorder;
    private readonly PromptCatalog _prompts;
    private readonly TimeProvider _time;
    private readonly ILogger<IvrCallHandler> _logger;

    public IvrCallHandler(
        IvrMenuProvider menus,
        OpeningHoursCalendar calendar,
        CallerNumberResolver resolver,
        CallerHasher hasher,
        CallRecorder recorder,
        PromptCatalog prompts,
        TimeProvider time,
        ILogger<IvrCallHandler> logger)
    {
        _menus = menus;
        _calendar = calendar;
        _resolver = resolver;
        _hasher = hasher;
        _recorder = recorder;
        _prompts = prompts;
        _time = time;
        _logger = logger;
    }

    /// <summary>Handles the call from the INVITE to its end, then records it.</summary>
    public async Task<CallOutcome> HandleAsync(ICallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var journal = StartJournal(session);
        var menu = _menus.Current();
        var open = _calendar.IsOpen(menu.OpeningHours, journal.StartedAt);
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var callerHash = _hasher.Hash(journal.Caller.E164);
            LogCallStarted(journal.KlantcontactId, callerHash, journal.Caller.Source, open);
        }

        var flow = new IvrCallFlow(session, menu, journal, _recorder, _time, _prompts);
        try
        {
            await flow.RunAsync(open, cancellationToken);
        }
        finally
        {
            await FinishAsync(session, journal);
        }

        return journal.Outcome;
    }

    /// <summary>Records a call that was refused because every line was busy.</summary>
    public async Task RecordBusyAsync(ICallSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var journal = StartJournal(session);
        journal.Finish(CallOutcome.Bezet);
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            LogCallRefusedBusy(journal.KlantcontactId, _hasher.Hash(journal.Caller.E164));
        }
        await _recorder.RecordAsync(journal);
    }

    private CallJournal StartJournal(ICallSession session)
    {
        var startedAt = _time.GetUtcNow();
        var caller = _resolver.Resolve(session.Caller);
        return new CallJournal(Guid.CreateVersion7(startedAt), Guid.CreateVersion7(startedAt), startedAt, caller);
    }

    // Every path through the flow ends here, also a fault or a shutdown, so no call goes unrecorded.
    private async Task FinishAsync(ICallSession session, CallJournal journal)
    {
        if (!journal.IsFinished && session.Ended.IsCancellationRequested)
        {
            journal.Finish(CallOutcome.Opgehangen);
        }

        journal.Finish(CallOutcome.Afgebroken);
        await _recorder.RecordAsync(journal);
        await HangUpQuietlyAsync(session);
        var duration = _time.GetUtcNow() - journal.StartedAt;
        LogCallEnded(journal.KlantcontactId, journal.Outcome, journal.Path.Count, duration);
    }

    private async Task HangUpQuietlyAsync(ICallSession session)
    {
        if (session.Ended.IsCancellationRequested)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(HangUpTimeout, _time);
        try
        {
            await session.HangUpAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            LogHangUpTimedOut(HangUpTimeout);
        }
    }
}
