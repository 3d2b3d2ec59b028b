using Omni.Contracts.V1;

namespace Omni.Sdk.Internal.Sending;

/// <summary>Central's answer to one push, and whether it moved the outbox forward at all.</summary>
internal sealed record PushAttempt(PushBatchResponse Response, bool MadeProgress);
