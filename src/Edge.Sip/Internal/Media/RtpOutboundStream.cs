using System.Net;
using System.Security.Cryptography;
using Edge.Sip.Media;
using Microsoft.Extensions.Logging;

namespace Edge.Sip.Internal.Media;

/// <summary>
/// The sending half of one call: one continuous 8000 Hz clock from the first configuration until the session
/// closes. Frame n is due at start + n × 20 ms (absolute deadlines, so pacer jitter never accumulates) and carries
/// RTP timestamp base + n × 160, whether it holds prompt audio, silence between prompts, or a DTMF event.
/// </summary>
internal sealed partial class RtpOutboundStream
{
    private const int SamplesPerFrame = 160;
    private const int FramesPerSecond = 50;

    private readonly IRtpTransport _transport;
    private readonly TimeProvider _timeProvider;
    private readonly RtpOptions _options;
    private readonly ILogger _logger;
    private readonly int _localPort;
    private readonly Lock _gate = new();
    private readonly byte[] _packet = new byte[RtpPacket.FixedHeaderLength + SamplesPerFrame];
    private readonly byte[] _audio = new byte[SamplesPerFrame];
    private readonly Queue<PlaybackRequest> _playbacks = new();
    private readonly List<PlaybackRequest> _finished = [];
    private readonly Queue<DtmfTone> _tones = new();
    private readonly uint _ssrc = RandomUInt32();
    private readonly uint _timestampBase = RandomUInt32();
    private ushort _sequence = (ushort)RandomUInt32();
    private long _clockStart = -1;
    private long _frameIndex;
    private SocketAddress? _destination;
    private CallAudioCodec _codec;
    private byte? _eventPayloadType;
    private bool _sending;
    private bool _marker = true;
    private bool _closed;
    private long _lastSend = -1;
    private long _packetsSent;
    private long _maxGap;
    private long _lateFramesSkipped;

    public RtpOutboundStream(IRtpTransport transport, RtpOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _transport = transport;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _localPort = transport.LocalEndPoint.Port;
    }

    public uint Ssrc => _ssrc;

    public void Configure(RtpSessionConfiguration configuration)
    {
        var destination = configuration.RemoteEndPoint?.Serialize();
        lock (_gate)
        {
            _destination = destination;
            _codec = configuration.Codec;
            _eventPayloadType = (byte?)configuration.TelephoneEventPayloadType;
            _sending = configuration.Direction is CallMediaDirection.SendReceive or CallMediaDirection.SendOnly;
            if (_clockStart < 0)
            {
                _clockStart = _timeProvider.GetTimestamp();
            }

            FailTonesIfUnsendable();
        }
    }

    /// <summary>Symmetric RTP (RFC 4961): from now on send to where the remote's packets come from.</summary>
    public void Latch(SocketAddress source)
    {
        lock (_gate)
        {
            _destination = source;
        }
    }

    public Task<PlaybackResult> Play(Prompt prompt, CancellationToken cancellationToken)
    {
        if (prompt.Samples.IsEmpty)
        {
            return Task.FromResult(PlaybackResult.Completed);
        }

        var request = new PlaybackRequest(prompt, cancellationToken);
        lock (_gate)
        {
            if (_closed)
            {
                request.Complete(PlaybackResult.Stopped);
            }
            else
            {
                _playbacks.Enqueue(request);
            }
        }

        return request.Task;
    }

    public void StopPlayback()
    {
        lock (_gate)
        {
            StopAllPlaybacks();
        }
    }

    public Task<DtmfSendResult> SendDtmf(byte eventCode, CancellationToken cancellationToken)
    {
        var toneFrames = (int)Math.Max(2, _options.DtmfToneDuration.Ticks / TimeSpan.FromMilliseconds(20).Ticks);
        var tone = new DtmfTone(eventCode, toneFrames, _options.DtmfVolume);
        lock (_gate)
        {
            var refusal = SendRefusal();
            if (refusal is { } result)
            {
                return Task.FromResult(result);
            }

            _tones.Enqueue(tone);
        }

        tone.CancelWith(cancellationToken);
        return tone.Task;
    }

    /// <summary>
    /// Called by the pacer: sends every frame whose deadline has passed. Each frame is built under the lock and sent
    /// outside it, so a call flow that queues a prompt never waits for a socket, nor the pacer for the call flow
    /// longer than a queue operation. The packet buffer needs no lock: the pacer never runs two ticks at once.
    /// </summary>
    /// <param name="now">The clock's timestamp now.</param>
    /// <returns>The frames skipped in this tick because they were too late to send (see <see cref="RtpOptions"/>
    /// MaxCatchUpFrames); the pacer reports them for all sessions at once.</returns>
    public long OnTick(long now)
    {
        var (due, skipped) = BeginTick(now);
        while (TryBuildFrame(due, now, out var length, out var destination))
        {
            if (destination is not null)
            {
                _transport.Send(_packet.AsSpan(0, length), destination);
            }
        }

        return skipped;
    }

    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            StopAllPlaybacks();
            FailAllTones(DtmfSendResult.SessionClosed);
        }
    }

    public (long PacketsSent, TimeSpan MaxSendGap, long LateFramesSkipped) GetStatistics()
    {
        lock (_gate)
        {
            var maxGap = TimeSpan.FromTicks(_maxGap * TimeSpan.TicksPerSecond / _timeProvider.TimestampFrequency);
            return (_packetsSent, maxGap, _lateFramesSkipped);
        }
    }

    private static uint RandomUInt32()
    {
        // RFC 3550 §5.1: initial sequence number, timestamp and SSRC are random, to resist known-plaintext attacks.
        Span<byte> bytes = stackalloc byte[4];
        RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt32(bytes);
    }

    private long DueFrameCount(long now)
    {
        var elapsed = now - _clockStart;
        return elapsed < 0 ? 0 : (elapsed * FramesPerSecond / _timeProvider.TimestampFrequency) + 1;
    }

    private long SkipFramesTooLate(long due)
    {
        var behind = due - _frameIndex;
        if (behind <= _options.MaxCatchUpFrames)
        {
            return 0;
        }

        // A stall (GC, overloaded host): a long burst would only flood the jitter buffer. Skip the oldest frames;
        // the timestamp jumps with them (RFC 3550 §5.1), and the prompt resumes where it was.
        var skipped = behind - _options.MaxCatchUpFrames;
        _frameIndex += skipped;
        _lateFramesSkipped += skipped;
        _marker = true;
        Log.FramesSkipped(_logger, _localPort, skipped);
        return skipped;
    }

    /// <summary>The number of frames due by <paramref name="now"/>, and how many were skipped as too late.</summary>
    private (long Due, long Skipped) BeginTick(long now)
    {
        lock (_gate)
        {
            if (_closed || _clockStart < 0)
            {
                return (0, 0);
            }

            var due = DueFrameCount(now);
            return (due, SkipFramesTooLate(due));
        }
    }

    /// <summary>
    /// Produces the next due frame: false when none is due; otherwise the packet in <see cref="_packet"/> and its
    /// destination, or a null destination when the frame only advanced the clock (not sending).
    /// </summary>
    private bool TryBuildFrame(long due, long now, out int length, out SocketAddress? destination)
    {
        lock (_gate)
        {
            length = 0;
            destination = null;
            if (_closed || _frameIndex >= due)
            {
                return false;
            }

            length = ProduceFrame(now);
            destination = length > 0 ? _destination : null;
            _frameIndex++;
            return true;
        }
    }

    private int ProduceFrame(long now)
    {
        var timestamp = unchecked(_timestampBase + (uint)(_frameIndex * SamplesPerFrame));
        if (!_sending || _destination is null)
        {
            // Not sending (recvonly, inactive, hold): prompts still run on the clock, so the call flow keeps time.
            FillAudio();
            CompleteFinishedPlaybacks();
            _marker = true;
            _lastSend = -1;
            return 0;
        }

        var toneLength = TryProduceTone(timestamp, now);
        if (toneLength > 0)
        {
            return toneLength;
        }

        FillAudio();
        var length = WritePacket((byte)_codec, _marker, timestamp, _audio, now);
        _marker = false;
        CompleteFinishedPlaybacks();
        return length;
    }

    private int TryProduceTone(uint frameTimestamp, long now)
    {
        while (_tones.TryPeek(out var abandoned) && abandoned.IsAbandoned)
        {
            _tones.Dequeue();
        }

        if (!_tones.TryPeek(out var tone) || _eventPayloadType is not { } payloadType)
        {
            return 0;
        }

        var packet = tone.NextPacket(frameTimestamp, out var marker);
        Span<byte> payload = stackalloc byte[TelephoneEvent.Length];
        packet.Write(payload);
        var length = WritePacket(payloadType, marker, tone.Timestamp, payload, now);
        if (tone.IsDone)
        {
            _tones.Dequeue();
            tone.Complete(DtmfSendResult.Sent);
            Log.DtmfSent(_logger, _localPort);
        }

        return length;
    }

    private void FillAudio()
    {
        var filled = 0;
        while (filled < _audio.Length && _playbacks.TryPeek(out var playback))
        {
            if (playback.IsDone)
            {
                _playbacks.Dequeue().Dispose();
                continue;
            }

            var count = Math.Min(playback.Remaining, _audio.Length - filled);
            var source = playback.Prompt.Samples.Span.Slice(playback.Position, count);
            G711.Transcode(source, playback.Prompt.Codec, _audio.AsSpan(filled, count), _codec);
            playback.Position += count;
            filled += count;
            if (playback.Remaining == 0)
            {
                _finished.Add(_playbacks.Dequeue());
            }
        }

        _audio.AsSpan(filled).Fill(G711.Silence(_codec));
    }

    private void CompleteFinishedPlaybacks()
    {
        foreach (var playback in _finished)
        {
            playback.Complete(PlaybackResult.Completed);
        }

        _finished.Clear();
    }

    private int WritePacket(byte payloadType, bool marker, uint timestamp, ReadOnlySpan<byte> payload, long now)
    {
        var header = new RtpHeader
        {
            Marker = marker,
            PayloadType = payloadType,
            SequenceNumber = _sequence++,
            Timestamp = timestamp,
            Ssrc = _ssrc,
        };
        var length = RtpPacket.Write(header, payload, 0, _packet);
        _packetsSent++;
        if (_lastSend >= 0)
        {
            _maxGap = Math.Max(_maxGap, now - _lastSend);
        }

        _lastSend = now;
        return length;
    }

    private DtmfSendResult? SendRefusal()
    {
        if (_closed)
        {
            return DtmfSendResult.SessionClosed;
        }

        if (_clockStart < 0 || !_sending || _destination is null)
        {
            return DtmfSendResult.NotSending;
        }

        return _eventPayloadType is null ? DtmfSendResult.NotNegotiated : null;
    }

    private void FailTonesIfUnsendable()
    {
        if (SendRefusal() is { } result)
        {
            FailAllTones(result);
        }
    }

    private void FailAllTones(DtmfSendResult result)
    {
        while (_tones.TryDequeue(out var tone))
        {
            tone.Complete(result);
        }
    }

    private void StopAllPlaybacks()
    {
        while (_playbacks.TryDequeue(out var playback))
        {
            playback.Complete(PlaybackResult.Stopped);
        }
    }
}
