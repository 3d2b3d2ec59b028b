using Edge.Sip.Media;

namespace Edge.Sip.Internal.Media;

/// <summary>
/// One digit being sent as RFC 4733 §2.5.1 packets, one per 20 ms frame: a start packet (marker set), updates with a
/// growing duration, then the end packet (E bit) sent three times with the same timestamp and duration.
/// </summary>
internal sealed class DtmfTone(byte eventCode, int toneFrames, byte volume)
{
    private const int SamplesPerFrame = 160;
    private const int EndPacketCopies = 3;

    private readonly TaskCompletionSource<DtmfSendResult> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _packetsSent;
    private CancellationTokenRegistration _registration;

    public bool IsStarted => _packetsSent > 0;

    public bool IsDone => _packetsSent >= toneFrames - 1 + EndPacketCopies;

    /// <summary>The RTP timestamp of every packet of the event: the frame in which it started.</summary>
    public uint Timestamp { get; private set; }

    public Task<DtmfSendResult> Task => _completion.Task;

    public bool IsAbandoned => !IsStarted && _completion.Task.IsCompleted;

    public TelephoneEvent NextPacket(uint frameTimestamp, out bool marker)
    {
        if (!IsStarted)
        {
            Timestamp = frameTimestamp;
        }

        marker = !IsStarted;
        _packetsSent++;
        var frames = Math.Min(_packetsSent, toneFrames);
        return new TelephoneEvent(eventCode, _packetsSent >= toneFrames, volume, (ushort)(frames * SamplesPerFrame));
    }

    /// <summary>Cancelling completes the caller's task; a started tone still runs to its end packets.</summary>
    public void CancelWith(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.Register(
                static (state, token) => ((DtmfTone)state!)._completion.TrySetCanceled(token),
                this);
        }
    }

    public void Complete(DtmfSendResult result)
    {
        _completion.TrySetResult(result);
        _registration.Dispose();
    }
}
