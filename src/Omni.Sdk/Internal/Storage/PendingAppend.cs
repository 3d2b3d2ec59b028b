using Omni.Sdk.Internal.Security;

namespace Omni.Sdk.Internal.Storage;

/// <summary>
/// An append waiting for the writer's next group commit, already sealed by the caller's thread; the caller awaits
/// <see cref="Completion"/>.
/// </summary>
internal sealed class PendingAppend
{
    private RecordReceipt? _receipt;
    private Exception? _error;

    public PendingAppend(OutboxRecordKind kind, Guid recordId, byte[] plaintext, long occurredAtMs,
        SealedPayload payload)
    {
        Kind = kind;
        RecordId = recordId;
        Plaintext = plaintext;
        OccurredAtMs = occurredAtMs;
        Payload = payload;
    }

    public OutboxRecordKind Kind { get; }

    public Guid RecordId { get; }

    /// <summary>The serialized record, kept to compare with a stored copy when its uuid is already taken.</summary>
    public byte[] Plaintext { get; }

    /// <summary>When the record was captured, in Unix milliseconds (as stored, and as sealed).</summary>
    public long OccurredAtMs { get; }

    /// <summary>What is stored: sealed with <see cref="SealBinding.RecordBound"/>.</summary>
    public SealedPayload Payload { get; }

    /// <summary>
    /// Completed by the writer after the commit, from a thread-pool work item that completes a whole group, so the
    /// callers' continuations run there (not on the writer's thread) without one thread-pool hop per record.
    /// </summary>
    public TaskCompletionSource<RecordReceipt> Completion { get; } = new();

    /// <summary>Records what the writer decided; <see cref="Complete"/> tells the caller after the commit.</summary>
    public void Decide(RecordReceipt? receipt, Exception? error)
    {
        _receipt = receipt;
        _error = error;
    }

    public void Complete()
    {
        if (_receipt is { } receipt)
        {
            Completion.TrySetResult(receipt);
        }
        else
        {
            Completion.TrySetException(_error ?? new InvalidOperationException("The outbox writer decided nothing."));
        }
    }

    public void Fail(Exception error) => Completion.TrySetException(error);
}
