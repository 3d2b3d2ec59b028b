using Edge.Host.Telephony.Calls;
using Edge.Host.Telephony.Recording;
using Omni.Contracts.V1;

namespace Edge.Host.Telephony.Ivr;

/// <summary>
/// The state machine of one call: answer, welcome, then the closed branch or the menu, then transfer or
/// callback, and a polite goodbye. Every wait is bounded by the menu's timeout on the injected clock.
/// </summary>
internal sealed class IvrCallFlow
{
    private readonly ICallSession _session;
    private readonly IvrMenuSettings _menu;
    private readonly CallJournal _journal;
    private readonly CallRecorder _recorder;
    private readonly TimeProvider _time;
    private readonly PromptCatalog _prompts;

    public IvrCallFlow(
        ICallSession session,
        IvrMenuSettings menu,
        CallJournal journal,
        CallRecorder recorder,
        TimeProvider time,
        PromptCatalog prompts)
    {
        _session = session;
        _menu = menu;
        _journal = journal;
        _recorder = recorder;
        _time = time;
        _prompts = prompts;
    }

    private bool CallbackPossible => _menu.CallbackDigit is not null && _journal.Caller.IsKnown;

    /// <summary>Runs the call to its end; the journal then holds the outcome.</summary>
    public async Task RunAsync(bool open, CancellationToken cancellationToken)
    {
        var answer = await _session.AnswerAsync(cancellationToken);
        if (answer != AnswerResult.Answered)
        {
            _journal.Finish(answer == AnswerResult.NoAck ? CallOutcome.GeenBevestiging : CallOutcome.NietOpgenomen);
            return;
        }

        _journal.Step("welkom");
        if (!await PlayAsync(_menu.Prompts.Welcome, cancellationToken))
        {
            return;
        }

        await (open ? MenuAsync(cancellationToken) : ClosedAsync(cancellationToken));
    }

    private async Task MenuAsync(CancellationToken cancellationToken)
    {
        var accepted = _menu.Options.Keys.ToHashSet();
        if (CallbackPossible)
        {
            accepted.Add(_menu.CallbackDigit!.Value);
        }

        var choice = await OfferAsync(_menu.Prompts.Menu, accepted, cancellationToken);
        if (choice.Chosen)
        {
            await (_menu.Options.TryGetValue(choice.Digit, out var option)
                ? OptionAsync(choice.Digit, option, cancellationToken)
                : CallbackAsync(choice.Digit, cancellationToken));
        }
        else if (choice.Kind == MenuChoiceKind.NoValidInput)
        {
            await GoodbyeAsync(CallOutcome.GeenKeuze, cancellationToken);
        }
    }

    private async Task ClosedAsync(CancellationToken cancellationToken)
    {
        _journal.Choice("gesloten");
        if (!await PlayAsync(_menu.Prompts.Closed, cancellationToken))
        {
            return;
        }

        if (!CallbackPossible)
        {
            await ExplainNoCallbackAsync(cancellationToken);
            await GoodbyeAsync(CallOutcome.Gesloten, cancellationToken);
            return;
        }

        var digit = _menu.CallbackDigit!.Value;
        var choice = await OfferAsync(IvrPrompts.CallbackOffer, new HashSet<char> { digit }, cancellationToken);
        if (choice.Chosen)
        {
            await CallbackAsync(digit, cancellationToken);
        }
        else if (choice.Kind == MenuChoiceKind.NoValidInput)
        {
            await GoodbyeAsync(CallOutcome.Gesloten, cancellationToken);
        }
    }

    private async Task<MenuChoice> OfferAsync(string prompt, HashSet<char> accepted, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= _menu.MaxAttempts; attempt++)
        {
            _journal.Step(prompt);
            if (!await PlayAsync(prompt, cancellationToken))
            {
                return MenuChoice.HungUp;
            }

            var (kind, digit) = await ReadDigitAsync(cancellationToken);
            if (kind == DigitReadKind.CallerHungUp)
            {
                return MenuChoice.HungUp;
            }

            if (kind == DigitReadKind.Digit && accepted.Contains(digit))
            {
                return new MenuChoice(digit, MenuChoiceKind.Chosen);
            }

            if (!await RejectInputAsync(kind, digit, cancellationToken))
            {
                return MenuChoice.HungUp;
            }
        }

        return MenuChoice.None;
    }

    // The pressed digit is not kept: a caller may type anything on the keypad, even a BSN.
    private async Task<bool> RejectInputAsync(DigitReadKind kind, char digit, CancellationToken cancellationToken)
    {
        if (kind == DigitReadKind.Digit && digit == _menu.CallbackDigit)
        {
            _journal.Step("terugbellen niet mogelijk");
            return await PlayAsync(IvrPrompts.CallbackUnavailable, cancellationToken);
        }

        _journal.Step(kind == DigitReadKind.TimedOut ? "geen invoer" : "ongeldige keuze");
        return await PlayAsync(_menu.Prompts.Invalid, cancellationToken);
    }

    private async Task<(DigitReadKind Kind, char Digit)> ReadDigitAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_menu.InputTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var result = await _session.ReadDigitAsync(linked.Token);
            return result.HungUp ? (DigitReadKind.CallerHungUp, '\0') : (DigitReadKind.Digit, result.Digit);
        }
        catch (OperationCanceledException)
            when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (DigitReadKind.TimedOut, '\0');
        }
    }

    private async Task OptionAsync(char digit, IvrOption option, CancellationToken cancellationToken)
    {
        _journal.Choose(digit, option);
        if (!string.IsNullOrEmpty(option.Prompt)
            && !await PlayAsync(_prompts.Choose(option.Prompt, IvrPrompts.Transferring), cancellationToken))
        {
            return;
        }

        if (!string.IsNullOrEmpty(option.TransferUri) && !await TryTransferAsync(option.TransferUri, cancellationToken))
        {
            return;
        }

        if (_journal.IsFinished)
        {
            return;
        }

        // No transfer target, or the transfer failed: a callback takes the caller's question to the queue.
        await (_journal.Caller.IsKnown
            ? RecordCallbackAsync(cancellationToken)
            : NoCallbackNumberAsync(cancellationToken));
    }

    /// <summary>Returns false when the caller hung up; the journal is finished when the transfer succeeded.</summary>
    private async Task<bool> TryTransferAsync(string transferUri, CancellationToken cancellationToken)
    {
        _journal.Step("doorverbinden");
        if (!await PlayAsync(IvrPrompts.Transferring, cancellationToken))
        {
            return false;
        }

        var result = await _session.TransferAsync(transferUri, cancellationToken);
        if (result == TransferResult.Transferred)
        {
            _journal.Finish(CallOutcome.Doorverbonden, SoortTaak.WachtrijTaak);
            await _recorder.RecordAsync(_journal);

            // RFC 5589 §6.1: once the target answered, the transferor ends its own dialog.
            await _session.HangUpAsync(cancellationToken);
            return true;
        }

        if (result == TransferResult.CallerHungUp)
        {
            _journal.Finish(CallOutcome.Opgehangen);
            return false;
        }

        _journal.Step("doorverbinden mislukt");
        return true;
    }

    private async Task CallbackAsync(char digit, CancellationToken cancellationToken)
    {
        _journal.Choice($"{digit} terugbellen");
        await RecordCallbackAsync(cancellationToken);
    }

    // Durable before acknowledged: the caller hears the confirmation only once the request is in the outbox.
    private async Task RecordCallbackAsync(CancellationToken cancellationToken)
    {
        _journal.Finish(CallOutcome.TerugbelverzoekGenoteerd, SoortTaak.Terugbelverzoek);
        if (await _recorder.RecordAsync(_journal)
            && !await PlayAsync(_menu.Prompts.CallbackConfirmed, cancellationToken))
        {
            return;
        }

        await GoodbyeAsync(CallOutcome.TerugbelverzoekGenoteerd, cancellationToken);
    }

    private async Task NoCallbackNumberAsync(CancellationToken cancellationToken)
    {
        await ExplainNoCallbackAsync(cancellationToken);
        await GoodbyeAsync(CallOutcome.GeenTerugbelnummer, cancellationToken);
    }

    private async Task ExplainNoCallbackAsync(CancellationToken cancellationToken)
    {
        if (_menu.CallbackDigit is not null && !_journal.Caller.IsKnown)
        {
            _journal.Step("terugbellen niet mogelijk");
            await PlayAsync(IvrPrompts.CallbackUnavailable, cancellationToken);
        }
    }

    private async Task GoodbyeAsync(CallOutcome outcome, CancellationToken cancellationToken)
    {
        _journal.Finish(outcome);
        _journal.Step("tot ziens");
        await PlayAsync(_menu.Prompts.Goodbye, cancellationToken);
        await _session.HangUpAsync(cancellationToken);
    }

    /// <summary>Plays a prompt; false (and the outcome "opgehangen") when the caller hung up.</summary>
    private async Task<bool> PlayAsync(string prompt, CancellationToken cancellationToken)
    {
        if (await _session.PlayAsync(prompt, cancellationToken) == CallStepResult.Completed)
        {
            return true;
        }

        _journal.Finish(CallOutcome.Opgehangen);
        return false;
    }
}
