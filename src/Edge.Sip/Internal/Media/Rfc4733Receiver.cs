namespace Edge.Sip.Internal.Media;

/// <summary>
/// Turns RFC 4733 telephone-event packets into digits, exactly one per event. An event is reported on the first
/// packet seen for its (SSRC, timestamp), with or without the marker bit, so a lost start packet or lost end packets
/// never lose the digit; every later packet of the event (updates, the three end packets) is absorbed. The state
/// of each event expires after a quiet period, so memory stays bounded and nothing silences later digits.
/// </summary>
internal sealed class Rfc4733Receiver(TimeProvider timeProvider, TimeSpan stateTimeout)
{
    private readonly Dictionary<Rfc4733EventKey, Rfc4733EventState> _events = [];
    private readonly List<Rfc4733EventKey> _expired = [];

    /// <summary>The number of events whose state is still kept.</summary>
    public int TrackedEventCount => _events.Count;

    /// <summary>Accepts one telephone-event payload; returns true when it starts a new DTMF event.</summary>
    public bool TryAccept(uint ssrc, uint timestamp, ReadOnlySpan<byte> payload, out char digit)
    {
        digit = '\0';

        // Limitation: only the first event block is read; RFC 2198 redundancy and several events in one packet
        // (RFC 4733 §2.5.1.5) are not decoded. Senders of DTMF to a gateway use neither in practice.
        if (!TelephoneEvent.TryParse(payload, out var value) || !DtmfEvents.TryGetDigit(value.EventCode, out var found))
        {
            return false;
        }

        var now = timeProvider.GetTimestamp();
        RemoveExpired(now);
        var key = new Rfc4733EventKey(ssrc, timestamp, value.EventCode);
        if (_events.TryGetValue(key, out var state))
        {
            state.LastSeen = now;
            state.Duration = Math.Max(state.Duration, value.Duration);
            return false;
        }

        var continuation = IsNextSegment(key);
        _events[key] = new Rfc4733EventState(now, value.Duration);
        digit = found;
        return !continuation;
    }

    private bool IsNextSegment(Rfc4733EventKey key)
    {
        // RFC 4733 §2.5.1.3: an event longer than the 16-bit duration is sent as segments; each new segment's
        // timestamp is the previous one plus its full duration (0xFFFF). That is the same key press.
        foreach (var (previous, state) in _events)
        {
            if (previous.Ssrc == key.Ssrc && previous.EventCode == key.EventCode && state.Duration == ushort.MaxValue
                && unchecked(previous.Timestamp + ushort.MaxValue) == key.Timestamp)
            {
                return true;
            }
        }

        return false;
    }

    private void RemoveExpired(long now)
    {
        foreach (var (key, state) in _events)
        {
            if (timeProvider.GetElapsedTime(state.LastSeen, now) > stateTimeout)
            {
                _expired.Add(key);
            }
        }

        foreach (var key in _expired)
        {
            _events.Remove(key);
        }

        _expired.Clear();
    }
}
