using Edge.Host.Telephony.Calls;
using Edge.Sip;
using Edge.Sip.Media;
using CallerIdentity = Edge.Host.Telephony.Calls.CallerIdentity;
using TransferResult = Edge.Host.Telephony.Calls.TransferResult;

namespace Edge.Host.Telephony.Sip;

/// <summary>
/// The IVR's view of one Edge.Sip call and its RTP session. It follows the call's events (INFO digits, hold and
/// resume, the end) for as long as the call lives; dispose it after the IVR is done.
/// </summary>
internal sealed partial class SipCallSession : ICallSession, IAsyncDisposable
{
    private readonly IncomingCall _call;
    private readonly RtpSession _rtp;
    private readonly PromptLibrary _prompts;
    private readonly TimeSpan _ringTime;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _farEnd = new();
    private readonly CancellationTokenSource _over = new();
    private readonly Task _events;
    private CallAudioCodec _codec;
    private volatile bool _telephoneEvents;

    public SipCallSession(
        IncomingCall call,
        RtpSession rtp,
        CallerIdentity caller,
        PromptLibrary prompts,
        TimeSpan ringTime,
        TimeProvider time,
        ILogger logger)
    {
        _call = call;
        _rtp = rtp;
        Caller = caller;
        _prompts = prompts;
        _ringTime = ringTime;
        _time = time;
        _logger = logger;
        _codec = ChooseCodec(call.Offer) ?? CallAudioCodec.Pcmu;
        _telephoneEvents = call.HasOffer && call.Offer.TelephoneEventPayloadType is not null;
        _events = Task.Run(FollowEventsAsync);
    }

    public CallerIdentity Caller { get; }

    public CancellationToken Ended => _farEnd.Token;

    /// <summary>How the call ended, once it has.</summary>
    public Task<CallEndReason> Completion => _call.Completion;

    /// <summary>The caller's preferred codec among those we support (RFC 3264 §6.1: the offer's order).</summary>
    public static CallAudioCodec? ChooseCodec(MediaOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return offer.Codecs.Count == 0 ? null : offer.Codecs[0];
    }

    public async Task<AnswerResult> AnswerAsync(CancellationToken cancellationToken)
    {
        if (!await RingAsync(cancellationToken))
        {
            return AnswerResult.CancelledWhileRinging;
        }

        if (_call.HasOffer)
        {
            // Configure before the 200 OK goes out, so our first packet can follow it at once.
            _rtp.Configure(RtpSessionConfiguration.FromOffer(_call.Offer, _codec));
        }

        var accepted = await _call.AcceptAsync(_rtp.LocalEndPoint, _codec, cancellationToken);
        if (accepted != CallActionResult.Succeeded)
        {
            return AnswerResult.CancelledWhileRinging;
        }

        if (await _call.Confirmed.WaitAsync(cancellationToken))
        {
            LogAnswered(_call.Id, _codec, _telephoneEvents);
            return AnswerResult.Answered;
        }

        var reason = await _call.Completion.WaitAsync(cancellationToken);
        return reason == CallEndReason.NoAck ? AnswerResult.NoAck : AnswerResult.CancelledWhileRinging;
    }

    public async Task<CallStepResult> PlayAsync(string promptName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(promptName);
        if (_over.IsCancellationRequested)
        {
            return CallStepResult.CallerHungUp;
        }

        var prompt = await _prompts.GetAsync(promptName, cancellationToken);
        if (prompt is null)
        {
            return CallStepResult.Completed;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _over.Token);
        var playback = _rtp.PlayAsync(prompt, linked.Token);
        await StopOnDigitAsync(playback, linked.Token);
        try
        {
            await playback;
        }
        catch (OperationCanceledException) when (_over.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return CallStepResult.CallerHungUp;
        }

        return _over.IsCancellationRequested ? CallStepResult.CallerHungUp : CallStepResult.Completed;
    }

    public async Task<DigitResult> ReadDigitAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _over.Token);
        try
        {
            var digit = await _rtp.Digits.ReadAsync(linked.Token);
            return DigitResult.Pressed(digit.Digit);
        }
        catch (OperationCanceledException) when (_over.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return DigitResult.CallerHungUp;
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            return DigitResult.CallerHungUp;
        }
    }

    public async Task<TransferResult> TransferAsync(string targetUri, CancellationToken cancellationToken)
    {
        var result = await _call.TransferAsync(targetUri, cancellationToken);
        LogTransfer(_call.Id, result.Outcome, result.StatusCode);
        return result.Outcome switch
        {
            TransferOutcome.Succeeded => TransferResult.Transferred,
            TransferOutcome.NotPossible when _farEnd.IsCancellationRequested => TransferResult.CallerHungUp,
            _ => TransferResult.Failed,
        };
    }

    public async Task HangUpAsync(CancellationToken cancellationToken)
    {
        _rtp.StopPlayback();
        await _call.HangUpAsync(cancellationToken);
    }

    /// <summary>Rejects the call while it rings (486 when every line is busy).</summary>
    public Task<CallActionResult> RejectAsync(int statusCode, CancellationToken cancellationToken) =>
        _call.RejectAsync(statusCode, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _call.HangUpAsync(CancellationToken.None);
        await _over.CancelAsync();
        await _events;
        _farEnd.Dispose();
        _over.Dispose();
    }

    /// <summary>
    /// Barge-in: a digit typed during a prompt stops it, and stays queued for the menu to read (type-ahead), as
    /// callers who know the menu expect.
    /// </summary>
    private async Task StopOnDigitAsync(Task<PlaybackResult> playback, CancellationToken cancellationToken)
    {
        using var waiter = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var digitWaiting = _rtp.Digits.WaitToReadAsync(waiter.Token).AsTask();
        var first = await Task.WhenAny(playback, digitWaiting);
        if (first == digitWaiting && digitWaiting.IsCompletedSuccessfully && digitWaiting.Result)
        {
            LogBargeIn(_call.Id);
            _rtp.StopPlayback();
        }

        await waiter.CancelAsync();
    }

    private async Task<bool> RingAsync(CancellationToken cancellationToken)
    {
        if (_ringTime <= TimeSpan.Zero)
        {
            return !_over.IsCancellationRequested;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _over.Token);
        try
        {
            await Task.Delay(_ringTime, _time, linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (_over.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task FollowEventsAsync()
    {
        try
        {
            await foreach (var callEvent in _call.Events.ReadAllAsync(_over.Token))
            {
                await OnEventAsync(callEvent);
            }
        }
        catch (OperationCanceledException) when (_over.IsCancellationRequested)
        {
            // Disposed: the IVR is done with the call.
        }
#pragma warning disable CA1031 // A fault in following the call must end the call's flow, not go unobserved.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogEventsFaulted(exception, _call.Id);
            await _over.CancelAsync();
        }
    }

    private async Task OnEventAsync(CallEvent callEvent)
    {
        switch (callEvent)
        {
            case DigitReceived info:
                OnInfoDigit(info.Digit);
                break;
            case MediaChanged changed:
                OnMediaChanged(changed);
                break;
            case CallEnded ended:
                await OnEndedAsync(ended.Reason);
                break;
        }
    }

    // RFC 4733 events and SIP INFO may both carry one key press; with telephone-event negotiated, the RTP stream
    // is the one source, so the same key is never counted twice.
    private void OnInfoDigit(char digit)
    {
        if (_telephoneEvents)
        {
            LogInfoDigitIgnored(_call.Id);
            return;
        }

        _rtp.ReportSipInfoDigit(digit);
    }

    private void OnMediaChanged(MediaChanged changed)
    {
        _codec = changed.Codec;
        _telephoneEvents = changed.Media.TelephoneEventPayloadType is not null;
        _rtp.Configure(RtpSessionConfiguration.FromOffer(changed.Media, changed.Codec));
        LogMediaChanged(_call.Id, changed.Codec, changed.Media.Direction);
    }

    private async Task OnEndedAsync(CallEndReason reason)
    {
        // Our own hang-up is not the far end leaving: the IVR already knows how the call ended.
        if (reason is not CallEndReason.LocalHangUp and not CallEndReason.Shutdown and not CallEndReason.Rejected)
        {
            await _farEnd.CancelAsync();
        }

        // _over first: a prompt stopped by the end must report the hang-up, not a completed step.
        await _over.CancelAsync();
        _rtp.StopPlayback();
    }
}
