namespace Edge.Sip.Internal.Media;

/// <summary>
/// The pacer's own thread on the real clock: it waits for each point of the pacer's grid and runs the tick there,
/// so the audio of every call never waits behind thread-pool work (SIP handling, outbox writes, logging).
/// </summary>
internal sealed class RtpPacerThread : IDisposable
{
    private readonly RtpPacer _pacer;
    private readonly ManualResetEventSlim _stopping = new(false, 0);
    private readonly Thread _thread;

    public RtpPacerThread(RtpPacer pacer)
    {
        _pacer = pacer;

        // On Linux the runtime ignores Priority; the thread raises itself when it starts (PacerThreadPriority).
        _thread = new Thread(Run) { IsBackground = true, Name = "rtp-pacer", Priority = ThreadPriority.Highest };
        _thread.Start();
    }

    public bool IsRunning => _thread.IsAlive;

    public void Dispose()
    {
        _stopping.Set();
        if (Environment.CurrentManagedThreadId == _thread.ManagedThreadId)
        {
            return;
        }

        _thread.Join();
        _stopping.Dispose();
    }

    private void Run()
    {
        _pacer.OnThreadStarted(PacerThreadPriority.RaiseCurrentThread());
        while (WaitForDeadline())
        {
            _pacer.RunTick();
        }
    }

    private bool WaitForDeadline()
    {
        while (true)
        {
            var remaining = _pacer.RemainingUntilDeadline();
            if (remaining <= 0)
            {
                return !_stopping.IsSet;
            }

            // This thread exists to wait for the real clock (only TimeProvider.System gets one), so it waits on
            // the stop signal with a timeout. Rounded up to the wait's 1 ms resolution: waking early would spin.
            var milliseconds = (int)Math.Ceiling(_pacer.ToTimeSpan(remaining).TotalMilliseconds);
            if (_stopping.Wait(milliseconds))
            {
                return false;
            }
        }
    }
}
