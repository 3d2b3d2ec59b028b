using Edge.Sip.Internal.Timers;

namespace Edge.Sip.Internal.Calls;

/// <summary>A REFER we sent, waiting for its response and then the final NOTIFY (RFC 3515 §2.4.4).</summary>
internal sealed class PendingTransfer
{
    public TaskCompletionSource<TransferResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int LastStatus { get; set; }

    public TimerHandle? Timeout { get; set; }

    public void Complete(TransferOutcome outcome, int status)
    {
        Timeout?.Cancel();
        Completion.TrySetResult(new TransferResult(outcome, status));
    }
}
