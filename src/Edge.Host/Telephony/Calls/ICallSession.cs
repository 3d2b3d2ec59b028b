namespace Edge.Host.Telephony.Calls;

/// <summary>
/// One incoming call as the IVR sees it. The SIP adapter implements it over an Edge.Sip dialog; tests use a
/// hand-written fake. Every operation returns <see cref="CallStepResult.CallerHungUp"/> (or the matching value)
/// once the caller has hung up, instead of throwing; cancellation of the token throws as usual.
/// </summary>
internal interface ICallSession
{
    /// <summary>Who is calling, as the INVITE said it.</summary>
    CallerIdentity Caller { get; }

    /// <summary>Cancelled when the call ends from the far side (BYE, CANCEL, transport loss).</summary>
    CancellationToken Ended { get; }

    /// <summary>Answers the call (200 OK) and waits for the ACK.</summary>
    Task<AnswerResult> AnswerAsync(CancellationToken cancellationToken);

    /// <summary>Plays a prompt from the prompt folder, by name without ".wav", to its end.</summary>
    Task<CallStepResult> PlayAsync(string promptName, CancellationToken cancellationToken);

    /// <summary>
    /// Returns the next DTMF digit, including digits pressed while a prompt played (they are buffered), and waits
    /// for one otherwise. The IVR bounds the wait by cancelling <paramref name="cancellationToken"/>.
    /// </summary>
    Task<DigitResult> ReadDigitAsync(CancellationToken cancellationToken);

    /// <summary>Transfers the caller with REFER (RFC 3515) and reports whether the transfer target answered.</summary>
    Task<TransferResult> TransferAsync(string targetUri, CancellationToken cancellationToken);

    /// <summary>Ends the call from our side (BYE); does nothing when it has already ended.</summary>
    Task HangUpAsync(CancellationToken cancellationToken);
}
