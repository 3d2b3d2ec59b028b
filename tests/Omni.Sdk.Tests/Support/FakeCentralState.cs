using Omni.Contracts.V1;

namespace Omni.Sdk.Tests.Support;

/// <summary>
/// What the fake Central stored, behaving as the sync contract says: idempotent on record id, acknowledging
/// the highest contiguous sequence per stream, and remembering its rejections so a resend gets them again.
/// </summary>
internal sealed class FakeCentralState
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Envelope> _stored = [];
    private readonly Dictionary<string, string> _rejected = [];
    private readonly Dictionary<string, long> _nextExpected = [];
    private int _dropReplies;

    public HashSet<string> RejectRecordIds { get; } = [];

    public EdgeConfiguration? Configuration { get; set; }

    public int Pushes { get; private set; }

    public int Pings { get; private set; }

    public int ResentEnvelopes { get; private set; }

    public string? LastKnownVersion { get; private set; }

    public List<string> StreamIds { get; } = [];

    public int StoredCount
    {
        get
        {
            lock (_lock)
            {
                return _stored.Count;
            }
        }
    }

    public IReadOnlyDictionary<string, Envelope> Stored
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, Envelope>(_stored);
            }
        }
    }

    /// <summary>The next <paramref name="count"/> pushes are committed, and then their replies are lost (S2).</summary>
    public void DropRepliesAfterCommit(int count)
    {
        lock (_lock)
        {
            _dropReplies = count;
        }
    }

    public bool TakeDroppedReply()
    {
        lock (_lock)
        {
            if (_dropReplies == 0)
            {
                return false;
            }

            _dropReplies--;
            return true;
        }
    }

    public void CountPing()
    {
        lock (_lock)
        {
            Pings++;
        }
    }

    public EdgeConfiguration? ConfigurationFor(string knownVersion)
    {
        lock (_lock)
        {
            LastKnownVersion = knownVersion;
            return Configuration;
        }
    }

    public PushBatchResponse Handle(PushBatchRequest request)
    {
        lock (_lock)
        {
            Pushes++;
            if (!StreamIds.Contains(request.StreamId))
            {
                StreamIds.Add(request.StreamId);
            }

            var response = new PushBatchResponse();
            var next = _nextExpected.GetValueOrDefault(request.StreamId, 1);
            foreach (var envelope in request.Envelopes)
            {
                if (envelope.Sequence > next)
                {
                    break;
                }

                HandleOne(envelope, response);
                next = Math.Max(next, envelope.Sequence + 1);
            }

            _nextExpected[request.StreamId] = next;
            response.AcknowledgedSequence = next - 1;
            return response;
        }
    }

    private void HandleOne(Envelope envelope, PushBatchResponse response)
    {
        if (_rejected.TryGetValue(envelope.RecordId, out var earlierReason))
        {
            response.Rejections.Add(Rejection(envelope, earlierReason));
            return;
        }

        if (_stored.ContainsKey(envelope.RecordId))
        {
            ResentEnvelopes++;
            return;
        }

        var reason = envelope.PayloadCase == Envelope.PayloadOneofCase.None ? "payload: missing"
            : RejectRecordIds.Contains(envelope.RecordId) ? "klantcontact.kanaal: not accepted for this device"
            : null;
        if (reason is null)
        {
            _stored[envelope.RecordId] = envelope;
            return;
        }

        _rejected[envelope.RecordId] = reason;
        response.Rejections.Add(Rejection(envelope, reason));
    }

    private static Rejection Rejection(Envelope envelope, string reason) =>
        new() { RecordId = envelope.RecordId, Sequence = envelope.Sequence, Reason = reason };
}
