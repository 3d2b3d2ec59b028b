using System.Net;
using Edge.Host.Telephony.Calls;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Host.Tests.Telephony.Fakes;

/// <summary>
/// A scripted call: each digit read takes the next scripted input. Silence advances the fake clock by
/// <see cref="SilenceAdvance"/> while the IVR waits, or, when that is null, waits for the test to advance it.
/// </summary>
internal sealed class FakeCallSession : ICallSession, IDisposable
{
    private readonly CancellationTokenSource _ended = new();
    private readonly Queue<CallInput> _inputs;
    private readonly FakeTimeProvider _time;
    private readonly TaskCompletionSource _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeCallSession(FakeTimeProvider time, CallerIdentity caller, params CallInput[] inputs)
    {
        _time = time;
        Caller = caller;
        _inputs = new Queue<CallInput>(inputs);
    }

    public CallerIdentity Caller { get; }

    public CancellationToken Ended => _ended.Token;

    public AnswerResult AnswerResult { get; init; } = AnswerResult.Answered;

    public TransferResult TransferResult { get; init; } = TransferResult.Transferred;

    /// <summary>The caller hangs up as soon as this prompt starts.</summary>
    public string? HangUpDuringPrompt { get; init; }

    public TimeSpan? SilenceAdvance { get; init; } = TimeSpan.FromSeconds(5);

    public List<string> Played { get; } = [];

    public List<string> Transfers { get; } = [];

    public bool HungUpByUs { get; private set; }

    public int DigitReads { get; private set; }

    /// <summary>Completes when the IVR first waits in silence, so the test can move the clock.</summary>
    public Task WaitingForDigit => _waiting.Task;

    public Task<AnswerResult> AnswerAsync(CancellationToken cancellationToken)
    {
        if (AnswerResult != AnswerResult.Answered)
        {
            _ended.Cancel();
        }

        return Task.FromResult(AnswerResult);
    }

    public Task<CallStepResult> PlayAsync(string promptName, CancellationToken cancellationToken)
    {
        if (_ended.IsCancellationRequested)
        {
            return Task.FromResult(CallStepResult.CallerHungUp);
        }

        Played.Add(promptName);
        if (promptName == HangUpDuringPrompt)
        {
            _ended.Cancel();
            return Task.FromResult(CallStepResult.CallerHungUp);
        }

        return Task.FromResult(CallStepResult.Completed);
    }

    public async Task<DigitResult> ReadDigitAsync(CancellationToken cancellationToken)
    {
        DigitReads++;
        var input = _inputs.Count > 0 ? _inputs.Dequeue() : CallInput.Silence;
        switch (input.Kind)
        {
            case CallInputKind.Press:
                return DigitResult.Pressed(input.Digit);
            case CallInputKind.HangUp:
                _ended.Cancel();
                return DigitResult.CallerHungUp;
            default:
                await WaitInSilenceAsync(cancellationToken);
                return DigitResult.CallerHungUp;
        }
    }

    public Task<TransferResult> TransferAsync(string targetUri, CancellationToken cancellationToken)
    {
        Transfers.Add(targetUri);
        if (TransferResult == TransferResult.CallerHungUp)
        {
            _ended.Cancel();
        }

        return Task.FromResult(TransferResult);
    }

    public Task HangUpAsync(CancellationToken cancellationToken)
    {
        HungUpByUs |= !_ended.IsCancellationRequested;
        _ended.Cancel();
        return Task.CompletedTask;
    }

    public void Dispose() => _ended.Dispose();

    public static CallerIdentity From(string? from, string? pai = null, bool privacy = false, string? peer = null) =>
        new(from, pai, privacy, peer is null ? IPAddress.Loopback : IPAddress.Parse(peer));

    // Ends only through cancellation: the IVR's input timeout on the fake clock, or the test's token.
    private async Task WaitInSilenceAsync(CancellationToken cancellationToken)
    {
        _waiting.TrySetResult();
        if (SilenceAdvance is { } advance)
        {
            _time.Advance(advance);
        }

        await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken);
    }
}
