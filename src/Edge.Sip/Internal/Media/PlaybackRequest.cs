using Edge.Sip.Media;

namespace Edge.Sip.Internal.Media;

/// <summary>One queued or playing prompt and the task its caller awaits.</summary>
internal sealed class PlaybackRequest : IDisposable
{
    private readonly TaskCompletionSource<PlaybackResult> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly CancellationTokenRegistration _registration;

    public PlaybackRequest(Prompt prompt, CancellationToken cancellationToken)
    {
        Prompt = prompt;
        CancellationToken = cancellationToken;
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.Register(
                static state => ((PlaybackRequest)state!).Cancel(),
                this);
        }
    }

    public Prompt Prompt { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The next sample to play.</summary>
    public int Position { get; set; }

    public int Remaining => Prompt.Samples.Length - Position;

    public bool IsDone => _completion.Task.IsCompleted;

    public Task<PlaybackResult> Task => _completion.Task;

    public void Complete(PlaybackResult result)
    {
        _completion.TrySetResult(result);
        Dispose();
    }

    public void Dispose() => _registration.Dispose();

    private void Cancel() => _completion.TrySetCanceled(CancellationToken);
}
