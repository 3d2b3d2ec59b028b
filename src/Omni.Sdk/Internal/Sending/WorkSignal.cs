namespace Omni.Sdk.Internal.Sending;

/// <summary>
/// Wakes the sender when new records are committed, so there is no polling delay when there is work.
/// A signal raised while nobody waits is kept for the next wait.
/// </summary>
internal sealed class WorkSignal
{
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set() => Volatile.Read(ref _signal).TrySetResult();

    /// <summary>Waits for the next signal, then re-arms; work committed before the re-arm is seen by the next read.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _signal);
        await current.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.CompareExchange(ref _signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
    }
}
