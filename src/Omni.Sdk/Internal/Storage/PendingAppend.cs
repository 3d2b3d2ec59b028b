namespace Omni.Sdk.Internal.Storage;

/// <summary>An append waiting for the writer's next group commit; the caller awaits <see cref="Completion"/>.</summary>
internal sealed record PendingAppend(OutboxRecordKind Kind, Guid RecordId, byte[] Plaintext, DateTimeOffset OccurredAt)
{
    public TaskCompletionSource<RecordReceipt> Completion { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}
